package io.baton.notify.messaging;

/**
 * An SMS on Kafka {@code sms-outbound}; {@code id} is its outbox row, the idempotency key, and
 * {@code version} the row's version when relayed (null in records written before versions existed).
 */
public record SmsOutbound(long id, String to, String from, String text, Long version) {
}
