package io.baton.notify.messaging;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.baton.common.Msisdn;
import io.baton.db.DatabaseWait;
import io.baton.notify.SmsSendResult;
import io.baton.notify.SmsSender;
import io.baton.notify.smpp.SmppConfig;
import io.baton.notify.store.SmsOutboxRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Sends what arrives on {@code sms-outbound}. The row is claimed for one attempt (state
 * {@code queued} → {@code sent}, at the version the record carries) before it is handed over, so a
 * notice relayed twice, or a record older than the notice's last retry, is sent once.
 * A transient failure puts it back in the queue for a later attempt ({@code baton.smpp.retry.*});
 * a permanent one, or the last attempt failing, ends it {@code failed} with the reason.
 * While PostgreSQL is away each step waits for it ({@link DatabaseWait}) on the {@code outbound}
 * worker pool, so the REST workers stay free.
 */
@ApplicationScoped
public class SmsOutboundConsumer {

    private static final Logger LOG = Logger.getLogger(SmsOutboundConsumer.class);

    private final ObjectMapper json;
    private final SmsSender sms;
    private final SmsOutboxRepository outbox;
    private final SmppConfig config;
    private final DatabaseWait database;
    private final MeterRegistry metrics;

    public SmsOutboundConsumer(ObjectMapper json, SmsSender sms, SmsOutboxRepository outbox, SmppConfig config,
            DatabaseWait database, MeterRegistry metrics) {
        this.database = database;
        this.metrics = metrics;
        this.json = json;
        this.sms = sms;
        this.outbox = outbox;
        this.config = config;
    }

    @Incoming("sms-outbound-in")
    @Blocking(value = "outbound", ordered = false)
    public void sms(String value) {
        SmsOutbound m = OutboundRows.read(json, value, SmsOutbound.class);
        if (m == null) {
            return;
        }
        try {
            send(m);
        } catch (RuntimeException e) {
            if (database.stopping()) {
                throw e; // not acknowledged: read again on start
            }
            // a failed message would stop the channel for good; the notice keeps its state and is looked at
            metrics.counter("baton.notices.errors").increment();
            LOG.errorf(e, "sms=error id=%d to=%s", m.id(), Msisdn.mask(m.to()));
        }
    }

    private void send(SmsOutbound m) {
        OptionalInt attempt = database.until("sms claim", () -> outbox.claimAttempt(m.id(), m.version()));
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
            database.until("sms sent", () -> outbox.sentWithoutNetwork(m.id()));
        } else if (result instanceof SmsSendResult.Transient t) {
            Optional<Duration> delay = config.retryPolicy().nextDelay(attempt.getAsInt());
            if (delay.isPresent()) {
                database.until("sms retry", () -> outbox.retryLater(m.id(), attempt.getAsInt(), t.reason(), delay.get()));
                LOG.infof("sms=retry id=%d to=%s attempt=%d in=%s reason=%s", m.id(), Msisdn.mask(m.to()),
                        attempt.getAsInt(), delay.get(), t.reason());
            } else {
                String reason = "gave up after " + attempt.getAsInt() + " attempts: " + t.reason();
                database.until("sms failed", () -> outbox.failed(m.id(), attempt.getAsInt(), reason));
                LOG.warnf("sms=failed id=%d to=%s attempts=%d reason=%s", m.id(), Msisdn.mask(m.to()),
                        attempt.getAsInt(), t.reason());
            }
        } else if (result instanceof SmsSendResult.Permanent p) {
            database.until("sms failed", () -> outbox.failed(m.id(), attempt.getAsInt(), p.reason()));
            LOG.warnf("sms=failed id=%d to=%s reason=%s", m.id(), Msisdn.mask(m.to()), p.reason());
        }
    }
}
