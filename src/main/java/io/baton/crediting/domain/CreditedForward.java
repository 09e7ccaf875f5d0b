package io.baton.crediting.domain;

import java.time.OffsetDateTime;

/**
 * A forward that earned a serial (committed): feeds leaderboards and counters after commit.
 * {@code xid} is the PostgreSQL transaction that committed it ({@code pg_current_xact_id()}), by
 * which a leaderboard rebuild tells the credits its snapshot counted from those it did not;
 * {@code creditedAt} the event time that earned it (the delivery report's).
 */
public record CreditedForward(String campaignId, String sender, String region, String serial, int depth, String xid,
        OffsetDateTime creditedAt) {
}
