package io.baton.notify.messaging;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.baton.common.Msisdn;
import io.baton.notify.SmsSendResult;
import io.baton.notify.SmsSender;
import io.baton.notify.smpp.SmppConfig;
import io.baton.notify.store.SmsOutboxRepository;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Sends what arrives on {@code sms-outbound}. The row is claimed for one attempt (state
 * {@code queued} → {@code sent}, at the version the record carries) before it is handed over, so a
 * notice relayed twice, or a record older than the notice's last retry, is sent once.
 * A transient failure puts it back in the queue for a later attempt ({@code baton.smpp.retry.*});
 * a permanent one, or the last attempt failing, ends it {@code failed} with the reason.
 */
@ApplicationScoped
public class SmsOutboundConsumer {

    private static final Logger LOG = Logger.getLogger(SmsOutboundConsumer.class);

    private final ObjectMapper json;
    private final SmsSender sms;
    private final SmsOutboxRepository outbox;
    private final SmppConfig config;

    public SmsOutboundConsumer(ObjectMapper json, SmsSender sms, SmsOutboxRepository outbox, SmppConfig config) {
        this.json = json;
        this.sms = sms;
        this.outbox = outbox;
        this.config = config;
    }

    @Incoming("sms-outbound-in")
    @Blocking(ordered = false)
    public void sms(String value) {
        SmsOutbound m = OutboundRows.read(json, value, SmsOutbound.class);
        if (m == null) {
            return;
        }
        OptionalInt attempt = outbox.claimAttempt(m.id(), m.version());
        if (attempt.isEmpty()) {
            return;
        }
        SmsSendResult result;
        try {
            result = sms.send(m);
        } catch (RuntimeException e) {
            // a segment may have been accepted without being recorded: like a crash mid-attempt, the
            // notice stays sent rather than risk sending it twice (docs/smpp.md)
            LOG.warnf("sms=outcome-unknown id=%d to=%s reason=%s", m.id(), Msisdn.mask(m.to()), e.getMessage());
            return;
        }
        if (result instanceof SmsSendResult.Accepted && config.host().isEmpty()) {
            outbox.sentWithoutNetwork(m.id());
        } else if (result instanceof SmsSendResult.Transient t) {
            Optional<Duration> delay = config.retryPolicy().nextDelay(attempt.getAsInt());
            if (delay.isPresent()) {
                outbox.retryLater(m.id(), attempt.getAsInt(), t.reason(), delay.get());
                LOG.infof("sms=retry id=%d to=%s attempt=%d in=%s reason=%s", m.id(), Msisdn.mask(m.to()),
                        attempt.getAsInt(), delay.get(), t.reason());
            } else {
                outbox.failed(m.id(), attempt.getAsInt(), "gave up after " + attempt.getAsInt() + " attempts: " + t.reason());
                LOG.warnf("sms=failed id=%d to=%s attempts=%d reason=%s", m.id(), Msisdn.mask(m.to()),
                        attempt.getAsInt(), t.reason());
            }
        } else if (result instanceof SmsSendResult.Permanent p) {
            outbox.failed(m.id(), attempt.getAsInt(), p.reason());
            LOG.warnf("sms=failed id=%d to=%s reason=%s", m.id(), Msisdn.mask(m.to()), p.reason());
        }
    }
}
