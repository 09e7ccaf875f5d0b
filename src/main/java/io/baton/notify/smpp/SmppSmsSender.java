package io.baton.notify.smpp;

import java.util.Set;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Typed;

import org.jboss.logging.Logger;

import io.baton.common.Msisdn;
import io.baton.notify.SmsSendResult;
import io.baton.notify.SmsSender;
import io.baton.notify.messaging.SmsOutbound;
import io.baton.notify.smpp.domain.EncodedSms;
import io.baton.notify.smpp.domain.SmsEncoder;
import io.baton.notify.smpp.domain.SmscMessageId;
import io.baton.notify.store.SmsOutboxRepository;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * Sends notices over SMPP: encodes the text (GSM 7-bit or UCS-2, concatenated when long), submits
 * each segment the SMSC has not yet accepted from the campaign short code, and records each
 * accepted segment's message id at once so that its receipt finds the notice and a retry never
 * sends it again. Binds at start when {@code baton.smpp.host} is set.
 */
@ApplicationScoped
@Typed(SmppSmsSender.class) // the SmsSender bean is SmsSenders' choice, not this class directly
public class SmppSmsSender implements SmsSender {

    private static final Logger LOG = Logger.getLogger(SmppSmsSender.class);

    private final SmppConfig config;
    private final SmsOutboxRepository outbox;
    private final SmscInbound inbound;
    private final MeterRegistry metrics;
    private volatile SmppSessionPool pool;

    public SmppSmsSender(SmppConfig config, SmsOutboxRepository outbox, SmscInbound inbound, MeterRegistry metrics) {
        this.config = config;
        this.outbox = outbox;
        this.inbound = inbound;
        this.metrics = metrics;
    }

    void bindAtStart(@Observes StartupEvent started) {
        if (config.host().isPresent()) {
            pool();
        }
    }

    private synchronized SmppSessionPool pool() {
        if (pool == null) {
            pool = new SmppSessionPool(config, inbound);
            pool.start();
        }
        return pool;
    }

    @Override
    public SmsSendResult send(SmsOutbound sms) {
        EncodedSms encoded;
        try {
            encoded = SmsEncoder.encode(sms.text(), (int) sms.id());
        } catch (IllegalArgumentException e) {
            return count(new SmsSendResult.Permanent(e.getMessage()));
        }
        int total = encoded.segments().size();
        Set<Integer> done;
        try {
            done = outbox.acceptedSegments(sms.id());
        } catch (RuntimeException e) { // nothing submitted yet: safe to try again later
            return count(new SmsSendResult.Transient("store: " + e.getMessage()));
        }
        for (int i = 0; i < total; i++) {
            int segment = i + 1;
            if (done.contains(segment)) {
                continue;
            }
            try {
                String id = pool().submit(new Submission(sms.from(), sms.to(), encoded.coding(), encoded.esmClass(),
                        encoded.segments().get(i)));
                outbox.segmentAccepted(sms.id(), segment, total, SmscMessageId.normalise(id));
                LOG.debugf("sms=submitted id=%d to=%s segment=%d/%d coding=%s smsc-id=%s", sms.id(),
                        Msisdn.mask(sms.to()), segment, total, encoded.coding(), id);
            } catch (SubmitFailure f) {
                LOG.debugf("sms=submit-failed id=%d to=%s segment=%d/%d transient=%s reason=%s", sms.id(),
                        Msisdn.mask(sms.to()), segment, total, f.isTransient(), f.getMessage());
                return count(f.isTransient() ? new SmsSendResult.Transient(f.getMessage())
                        : new SmsSendResult.Permanent(f.getMessage()));
            }
        }
        if (!done.isEmpty()) {
            outbox.settle(sms.id()); // receipts of the earlier attempts' segments may all be in
        }
        return count(new SmsSendResult.Accepted(total));
    }

    private SmsSendResult count(SmsSendResult r) {
        metrics.counter("baton.smpp.submits", "result", r.getClass().getSimpleName().toLowerCase()).increment();
        return r;
    }

    @PreDestroy
    synchronized void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
