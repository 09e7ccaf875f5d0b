package io.baton.tracking.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.baton.crediting.domain.CreditedForward;
import io.baton.db.Transactions;
import io.baton.ingest.domain.MmscEvent;
import io.baton.leaderboard.LeaderboardService;
import io.baton.notify.SmsOutboxRelay;
import io.baton.tracking.TrackingService;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes {@code mmsc-events} in batches. Offsets are committed only after a batch is handled,
 * so a crash re-delivers it; handling is idempotent, so re-delivery has no second effect.
 */
@ApplicationScoped
public class MmscEventsConsumer {

    private static final Logger LOG = Logger.getLogger(MmscEventsConsumer.class);

    private final TrackingService tracking;
    private final LeaderboardService leaderboard;
    private final SmsOutboxRelay smsRelay;
    private final ObjectMapper json;
    private final MeterRegistry metrics;

    public MmscEventsConsumer(TrackingService tracking, LeaderboardService leaderboard, SmsOutboxRelay smsRelay,
            ObjectMapper json, MeterRegistry metrics) {
        this.tracking = tracking;
        this.leaderboard = leaderboard;
        this.smsRelay = smsRelay;
        this.json = json;
        this.metrics = metrics;
    }

    @Incoming("mmsc-events-in")
    @Blocking(ordered = true)
    public void consume(List<String> batch) {
        long t0 = System.nanoTime();
        List<MmscEvent> events = new ArrayList<>(batch.size());
        for (String value : batch) {
            try {
                events.add(json.readValue(value, MmscEvent.class));
            } catch (Exception e) {
                metrics.counter("baton.events.unreadable").increment();
                LOG.warnf("tracking=unreadable-event reason=%s", e.getMessage());
            }
        }
        List<CreditedForward> credited;
        try {
            credited = tracking.handle(events);
        } catch (Transactions.StoreException e) {
            throw e; // database down beyond retries: do not commit the offsets, let the batch be re-delivered
        } catch (RuntimeException e) {
            // a batch that fails for another reason is retried event by event, so one bad event
            // cannot hold back the good ones beside it
            LOG.errorf(e, "tracking=batch-failed events=%d; retrying one by one", events.size());
            credited = new ArrayList<>();
            for (MmscEvent event : events) {
                try {
                    credited.addAll(tracking.handle(List.of(event)));
                } catch (Transactions.StoreException se) {
                    throw se;
                } catch (RuntimeException single) {
                    metrics.counter("baton.events.failed").increment();
                    LOG.errorf(single, "tracking=event-failed type=%s message=%s", event.type(), event.messageId());
                }
            }
        }
        metrics.counter("baton.events.processed").increment(batch.size());
        long tHandled = System.nanoTime();
        if (!credited.isEmpty()) {
            for (CreditedForward f : credited) {
                metrics.counter("baton.forwards.credited", "campaign", f.campaignId()).increment();
                metrics.counter("baton.serials.issued", "campaign", f.campaignId()).increment();
            }
            leaderboard.record(credited);
            smsRelay.trigger();
        }
        LOG.debugf("tracking=batch events=%d credited=%d handle_ms=%d after_ms=%d", batch.size(), credited.size(),
                (tHandled - t0) / 1_000_000, (System.nanoTime() - tHandled) / 1_000_000);
    }
}
