package io.baton.notify.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.baton.db.Transactions;
import io.baton.notify.SmsSender;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Sends what arrives on {@code sms-outbound}. The row is claimed (state {@code queued} →
 * {@code sent}) before it is handed over, so a notice relayed twice is sent once.
 */
@ApplicationScoped
public class SmsOutboundConsumer {

    private final Transactions tx;
    private final ObjectMapper json;
    private final SmsSender sms;

    public SmsOutboundConsumer(Transactions tx, ObjectMapper json, SmsSender sms) {
        this.tx = tx;
        this.json = json;
        this.sms = sms;
    }

    @Incoming("sms-outbound-in")
    @Blocking(ordered = false)
    public void sms(String value) {
        SmsOutbound m = OutboundRows.read(json, value, SmsOutbound.class);
        if (m != null && OutboundRows.claim(tx, "sms_outbox", m.id())) {
            sms.send(m);
        }
    }
}
