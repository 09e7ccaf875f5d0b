package io.baton.notify;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.baton.db.Transactions;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Relays rows of a transactional outbox table to a Kafka topic after their transaction has
 * committed: read unrelayed rows, publish them (acks=all), then mark them relayed. A crash
 * between publish and mark publishes a row again; consumers are idempotent on the row id.
 */
public abstract class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final int BATCH = 500;

    /** One outbox row as it goes to Kafka. */
    protected record Row(long id, String key, String json) {
    }

    private final Transactions tx;
    private final MutinyEmitter<String> emitter;
    private final ExecutorService executor;
    private final ObjectMapper json;
    private final String table;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean();

    /**
     * @param outbox the name of the outbox in the {@code baton.outbox.lag} gauge
     */
    protected OutboxRelay(Transactions tx, MutinyEmitter<String> emitter, ExecutorService executor, ObjectMapper json,
            MeterRegistry metrics, String table, String outbox) {
        this.tx = tx;
        this.emitter = emitter;
        this.executor = executor;
        this.json = json;
        this.table = table;
        Gauge.builder("baton.outbox.lag", this, OutboxRelay::lag).tag("outbox", outbox).register(metrics);
    }

    /** A row whose payload goes to Kafka as JSON. */
    protected Row row(long id, String key, Object payload) {
        try {
            return new Row(id, key, json.writeValueAsString(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode outbox row " + id, e);
        }
    }

    /** Reads up to {@code limit} unrelayed rows of the table, oldest first. */
    protected abstract List<Row> unrelayed(java.sql.Connection c, int limit) throws java.sql.SQLException;

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
                LOG.warnf("outbox=relay-failed table=%s reason=%s", table, e.getMessage());
                return;
            } finally {
                running.set(false);
            }
        }
    }

    private int relayBatch() {
        List<Row> rows = tx.read(c -> unrelayed(c, BATCH));
        if (rows.isEmpty()) {
            return 0;
        }
        List<Uni<Void>> acks = new ArrayList<>(rows.size());
        for (Row r : rows) {
            acks.add(emitter.sendMessage(Message.of(r.json())
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(r.key()).build())));
        }
        Uni.join().all(acks).andFailFast().await().atMost(Duration.ofSeconds(30));
        Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
        tx.inTransaction(c -> {
            Array array = c.createArrayOf("bigint", ids);
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE " + table + " SET relayed_at = now() WHERE id = ANY(?) AND relayed_at IS NULL")) {
                ps.setArray(1, array);
                return ps.executeUpdate();
            }
        });
        return rows.size();
    }

    /** Rows written but not yet on Kafka (the outbox lag gauge). */
    public long lag() {
        try {
            return tx.read(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT count(*) FROM " + table + " WHERE relayed_at IS NULL");
                        ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
        } catch (RuntimeException e) {
            return -1;
        }
    }
}
