package io.baton.notify;

import io.baton.notify.messaging.SmsOutbound;

/** Hands an SMS to the network. The SMPP connector replaces the logging one when configured. */
public interface SmsSender {
    void send(SmsOutbound sms);
}
