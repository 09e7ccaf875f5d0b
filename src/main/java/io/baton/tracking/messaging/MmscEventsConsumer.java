package io.baton.tracking.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.baton.crediting.domain.CreditedForward;
import io.baton.db.DatabaseWait;
import io.baton.db.Transactions;
import io.baton.ingest.domain.MmscEvent;
import io.baton.leaderboard.LeaderboardService;
import io.baton.notify.SmsOutboxRelay;
import io.baton.tracking.TrackingConfig;
import io.baton.tracking.TrackingService;
import io.baton.tracking.store.DeadLetterStore;
import io.baton.tracking.store.DeadLetterStore.NewDeadLetter;
import io.baton.tracking.store.DeadLetterStore.Reason;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes {@code mmsc-events} in batches. Offsets are committed only after a batch is handled,
 * so a crash re-delivers it; handling is idempotent, so re-delivery has no second effect.
 *
 * <p>Nothing stops the stream. While the database is away or busy the batch waits and is tried
 * again with a growing pause ({@code baton.database.initial-backoff} doubling up to
 * {@code max-backoff}); it is never skipped. A batch that fails for any other reason is split in
 * halves until the event at fault stands alone; that event is tried {@code poison-attempts}
 * times and then set aside in the dead-letter table, and the others go on. A record that is not
 * an event at all is set aside at once.
 */
@ApplicationScoped
public class MmscEventsConsumer {

    private static final Logger LOG = Logger.getLogger(MmscEventsConsumer.class);

    private final TrackingService tracking;
    private final LeaderboardService leaderboard;
    private final SmsOutboxRelay smsRelay;
    private final DeadLetterStore deadLetters;
    private final TrackingConfig config;
    private final ObjectMapper json;
    private final MeterRegistry metrics;
    /** 1 from a batch's first failed attempt to reach the database until one succeeds: tracking is paused. */
    private final AtomicInteger waiting = new AtomicInteger();
    private final DatabaseWait database;

    public MmscEventsConsumer(TrackingService tracking, LeaderboardService leaderboard, SmsOutboxRelay smsRelay,
            DeadLetterStore deadLetters, TrackingConfig config, ObjectMapper json, MeterRegistry metrics,
            DatabaseWait database) {
        this.database = database;
        this.tracking = tracking;
        this.leaderboard = leaderboard;
        this.smsRelay = smsRelay;
        this.deadLetters = deadLetters;
        this.config = config;
        this.json = json;
        this.metrics = metrics;
        metrics.gauge("baton.tracking.waiting.for.database", waiting);
    }

    /** An event and the record it came in. */
    private record Item(ConsumerRecord<String, String> record, MmscEvent event) {
    }

    @Incoming("mmsc-events-in")
    @Blocking(ordered = true)
    public void consume(ConsumerRecords<String, String> batch) {
        long t0 = System.nanoTime();
        List<Item> items = new ArrayList<>(batch.count());
        for (ConsumerRecord<String, String> r : batch) {
            MmscEvent event;
            try {
                event = json.readValue(r.value(), MmscEvent.class);
            } catch (Exception e) {
                setAside(r, Reason.UNREADABLE, e, 1);
                continue;
            }
            String missing = missingField(event);
            if (missing != null) {
                setAside(r, Reason.UNREADABLE, new IllegalArgumentException(missing + ": required"), 1);
                continue;
            }
            items.add(new Item(r, event));
        }
        List<CreditedForward> credited = handle(items);
        metrics.counter("baton.events.processed").increment(batch.count());
        long tHandled = System.nanoTime();
        if (!credited.isEmpty()) {
            for (CreditedForward f : credited) {
                metrics.counter("baton.forwards.credited", "campaign", f.campaignId()).increment();
                metrics.counter("baton.serials.issued", "campaign", f.campaignId()).increment();
            }
            leaderboard.record(credited);
            smsRelay.trigger();
        }
        LOG.debugf("tracking=batch events=%d credited=%d handle_ms=%d after_ms=%d", batch.count(), credited.size(),
                (tHandled - t0) / 1_000_000, (System.nanoTime() - tHandled) / 1_000_000);
    }

    /** What tracking cannot do without: a record of ours always has these (ingest validated it). */
    private static String missingField(MmscEvent e) {
        if (e == null || (!MmscEvent.SUBMIT.equals(e.type()) && !MmscEvent.DELIVERY.equals(e.type()))) {
            return "type";
        }
        if (e.messageId() == null) {
            return "messageId";
        }
        if (e.to().isEmpty()) {
            return "to";
        }
        if (e.at() == null) {
            return "at";
        }
        return e.isSubmit() && e.from() == null ? "from" : null;
    }

    /** Handles the items in order; what it cannot handle is set aside. Returns only on success or set-aside. */
    private List<CreditedForward> handle(List<Item> items) {
        if (items.isEmpty()) {
            return List.of();
        }
        DatabaseWait.Backoff backoff = database.backoff();
        int failures = 0;
        try {
            while (true) {
                try {
                    List<CreditedForward> credited = tracking.handle(items.stream().map(Item::event).toList());
                    if (waiting.getAndSet(0) == 1) {
                        LOG.infof("tracking=resumed events=%d", items.size());
                    }
                    return credited;
                } catch (RuntimeException e) {
                    if (database.stopping()) {
                        throw e; // shutting down: leave the offsets uncommitted, the batch is read again on start
                    }
                    if (e instanceof Transactions.StoreException se && se.isTransient()) {
                        waiting.set(1);
                        backoff.pauseOrThrow("tracking events=" + items.size(), se);
                        continue;
                    }
                    if (items.size() > 1) {
                        LOG.warnf("tracking=batch-failed events=%d reason=%s; splitting it to find the event at fault",
                                items.size(), e.toString());
                        int half = items.size() / 2;
                        List<CreditedForward> credited = new ArrayList<>(handle(items.subList(0, half)));
                        credited.addAll(handle(items.subList(half, items.size())));
                        return credited;
                    }
                    failures++;
                    if (failures >= config.poisonAttempts()) {
                        setAside(items.get(0).record(), Reason.POISON, e, failures);
                        return List.of();
                    }
                    LOG.warnf("tracking=event-failed attempt=%d %s reason=%s", failures, describe(items.get(0)),
                            e.toString());
                }
            }
        } finally {
            backoff.done();
        }
    }

    /** Records the dead letter; waits for the database like any other write, so nothing is lost. */
    private void setAside(ConsumerRecord<String, String> r, Reason reason, Exception error, int attempts) {
        String message = error.toString();
        NewDeadLetter letter = new NewDeadLetter(r.topic(), r.partition(), r.offset(), r.key(), r.value(), reason,
                message, attempts);
        if (database.until("dead-letter offset=" + r.offset(), () -> deadLetters.add(letter))) {
            metrics.counter("baton.events.dead.lettered", "reason", reason.wire()).increment();
        }
        LOG.errorf("tracking=dead-letter reason=%s topic=%s partition=%d offset=%d attempts=%d error=%s",
                reason.wire(), r.topic(), r.partition(), r.offset(), attempts, message);
    }

    private static String describe(Item i) {
        return "type=" + i.event().type() + " partition=" + i.record().partition() + " offset=" + i.record().offset();
    }
}
