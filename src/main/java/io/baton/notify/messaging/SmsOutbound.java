package io.baton.notify.messaging;

/** An SMS on Kafka {@code sms-outbound}; {@code id} is its outbox row, the idempotency key. */
public record SmsOutbound(long id, String to, String from, String text) {
}
