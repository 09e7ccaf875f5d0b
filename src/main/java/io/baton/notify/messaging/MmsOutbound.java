package io.baton.notify.messaging;

/** A seed MMS to send, on Kafka {@code mms-outbound}; {@code id} is its seed_send row. */
public record MmsOutbound(long id, String campaignId, String to) {
}
