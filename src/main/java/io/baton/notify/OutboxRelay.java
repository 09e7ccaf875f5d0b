package io.baton.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Relays rows of a transactional outbox table to a Kafka topic after their transaction has
 * committed: read unrelayed rows, publish them (acks=all), then mark them relayed. A crash
 * between publish and mark publishes a row again; consumers are idempotent on the row id. The
 * outbox's store owns the SQL (reading, and marking only rows still as they were read).
 *
 * @param <T> a row as the store reads it
 */
public abstract class OutboxRelay<T> {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;

    private final MutinyEmitter<String> emitter;
    private final ExecutorService executor;
    private final ObjectMapper json;
    private final String outbox;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    /**
     * @param outbox the name of the outbox in the {@code baton.outbox.lag} gauge
     */
    protected OutboxRelay(MutinyEmitter<String> emitter, ExecutorService executor, ObjectMapper json,
            MeterRegistry metrics, String outbox) {
        this.emitter = emitter;
        this.executor = executor;
        this.json = json;
        this.outbox = outbox;
        Gauge.builder("baton.outbox.lag", this, OutboxRelay::lag).tag("outbox", outbox).register(metrics);
    }

    /** Up to {@code limit} unrelayed rows, oldest first. */
    protected abstract List<T> unrelayed(int limit);

    /** The Kafka key of the row. */
    protected abstract String key(T row);

    /** What goes to Kafka as JSON. */
    protected abstract Object payload(T row);

    /** Marks relayed the rows that are still as they were read. */
    protected abstract void markRelayed(List<T> rows);

    /** Rows written but not yet on Kafka. */
    protected abstract long unrelayedCount();

    /** Relays soon, on a worker thread (called after a commit that wrote rows). */
    public void trigger() {
        executor.execute(this::relay);
    }

    /** Relays until nothing is left; one run at a time, a request during a run makes it go round again. */
    public void relay() {
        again.set(true);
        while (again.get() && running.compareAndSet(false, true)) {
            try {
                again.set(false);
                while (relayBatch() == BATCH) {
                    // more waiting
                }
            } catch (RuntimeException e) {
                LOG.warnf("outbox=relay-failed outbox=%s reason=%s", outbox, e.getMessage());
                return;
            } finally {
                running.set(false);
            }
        }
    }

    private int relayBatch() {
        List<T> rows = unrelayed(BATCH);
        if (rows.isEmpty()) {
            return 0;
        }
        List<Uni<Void>> acks = new ArrayList<>(rows.size());
        for (T r : rows) {
            acks.add(emitter.sendMessage(Message.of(encode(r))
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key(r)).build())));
        }
        Uni.join().all(acks).andFailFast().await().atMost(Duration.ofSeconds(30));
        markRelayed(rows);
        return rows.size();
    }

    private String encode(T row) {
        try {
            return json.writeValueAsString(payload(row));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode a row of outbox " + outbox, e);
        }
    }

    /** Rows written but not yet on Kafka (the outbox lag gauge); -1 when the database cannot say. */
    public long lag() {
        try {
            return unrelayedCount();
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
