package io.baton.notify;

import java.time.Duration;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.baton.notify.mm7.Mm7Config;
import io.baton.notify.mm7.store.SeedSendMm7Repository;
import io.baton.notify.smpp.SmppConfig;
import io.baton.notify.store.SmsOutboxRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;

/**
 * {@code baton_outbox_unsettled{outbox=sms|mms}}: rows claimed for an attempt longer than the
 * connector's grace ago with no outcome recorded, because the instance died (or threw) between the
 * send and recording its answer. Nothing retries them on its own (a notice could reach the
 * subscriber twice), so an operator has to see them. Counted on each scrape, for the connectors
 * configured: with the logging senders no row ever gets an outcome to wait for.
 */
@ApplicationScoped
public class UnsettledOutboxGauges {

    private static final Logger LOG = Logger.getLogger(UnsettledOutboxGauges.class);

    private final MeterRegistry metrics;

    public UnsettledOutboxGauges(MeterRegistry metrics) {
        this.metrics = metrics;
    }

    void register(@Observes StartupEvent started, SmppConfig smpp, SmsOutboxRepository sms, Mm7Config mm7,
            SeedSendMm7Repository seeds) {
        if (smpp.host().isPresent()) {
            gauge("sms", smpp.unsettledGrace(), sms::countUnsettled);
        }
        if (mm7.url().isPresent()) {
            gauge("mms", mm7.unsettledGrace(), seeds::countUnsettled);
        }
    }

    private void gauge(String outbox, Duration grace, Function<Duration, Long> count) {
        Gauge.builder("baton.outbox.unsettled", () -> {
            try {
                return count.apply(grace);
            } catch (RuntimeException e) { // the database is away: no figure rather than a wrong one
                LOG.debugf("outbox=unsettled-count-failed outbox=%s reason=%s", outbox, e.getMessage());
                return Double.NaN;
            }
        }).tag("outbox", outbox).strongReference(true)
                .description("rows claimed longer than the grace ago with no outcome recorded").register(metrics);
    }
}
