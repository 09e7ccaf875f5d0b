package io.baton.crediting.domain;

/** A forward that earned a serial (committed): feeds leaderboards and counters after commit. */
public record CreditedForward(String campaignId, String sender, String region, String serial, int depth) {
}
