package io.baton.notify;

import io.baton.notify.messaging.SmsOutbound;

/**
 * Hands an SMS to the network and says how it went. The SMPP connector is used when
 * {@code baton.smpp.host} is set, the logging one otherwise (chosen by {@link SmsSenders}).
 */
public interface SmsSender {

    /** Called once per attempt, after the notice's row was claimed for it. Never throws for a network failure. */
    SmsSendResult send(SmsOutbound sms);
}
