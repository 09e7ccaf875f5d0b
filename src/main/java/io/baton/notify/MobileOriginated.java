package io.baton.notify;

import java.time.OffsetDateTime;

import io.baton.common.Msisdn;

/**
 * Where the SMS gateways (SMPP deliver_sm, MM7 DeliverReq, the HTTP MO endpoint) hand a
 * subscriber's message to a short code. Seeding answers it (keywords request the seed); notify
 * knows no more of it than this, so the dependency runs one way: seeding uses notify to send.
 */
public interface MobileOriginated {

    /**
     * @return what the message led to, one lower-case word for metrics and logs (e.g. {@code seed_queued})
     */
    String handle(Msisdn from, String to, String text, OffsetDateTime at);
}
