package io.baton.tracking.store;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.baton.db.Transactions;

/** The dead-letter table: events the tracking consumer set aside so the ones after them go on. */
@ApplicationScoped
public class DeadLetterStore {

    /** Why an event is here: it could not be read at all, or it failed every attempt. */
    public enum Reason {
        UNREADABLE, POISON;

        public String wire() {
            return name().toLowerCase();
        }
    }

    /** A record set aside, as it was on Kafka. */
    public record DeadLetter(long id, String topic, int partition, long offset, String key, String payload,
            String reason, String error, int attempts, OffsetDateTime failedAt) {
    }

    /** A record to set aside. */
    public record NewDeadLetter(String topic, int partition, long offset, String key, String payload, Reason reason,
            String error, int attempts) {
    }

    private static final int MAX_ERROR_CHARS = 2000;

    private final Transactions tx;

    public DeadLetterStore(Transactions tx) {
        this.tx = tx;
    }

    /** Sets the record aside; true if it was not already (a redelivered batch adds nothing). */
    public boolean add(NewDeadLetter d) {
        return tx.update("""
                INSERT INTO dead_letter (topic, kafka_partition, kafka_offset, record_key, payload, reason, error, attempts)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (topic, kafka_partition, kafka_offset) DO NOTHING""", d.topic(), d.partition(), d.offset(),
                storable(d.key()), d.payload() == null ? new byte[0] : d.payload().getBytes(StandardCharsets.UTF_8),
                d.reason().wire(), storable(abbreviate(d.error())), d.attempts()) == 1;
    }

    /** Newest first; {@code beforeId} pages on (null: from the newest). */
    public List<DeadLetter> list(Long beforeId, int limit) {
        return tx.read(c -> {
            List<DeadLetter> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, topic, kafka_partition, kafka_offset, record_key, payload, reason, error, attempts, failed_at
                    FROM dead_letter WHERE id < ? ORDER BY id DESC LIMIT ?""")) {
                ps.setLong(1, beforeId == null ? Long.MAX_VALUE : beforeId);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DeadLetter(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getLong(4),
                                rs.getString(5), new String(rs.getBytes(6), StandardCharsets.UTF_8), rs.getString(7),
                                rs.getString(8), rs.getInt(9), rs.getObject(10, OffsetDateTime.class)));
                    }
                }
            }
            return out;
        });
    }

    public long count() {
        return tx.readLong("SELECT count(*) FROM dead_letter");
    }

    /** PostgreSQL text holds no NUL: the key and the error are kept readable, the payload exact (bytea). */
    private static String storable(String s) {
        return s == null ? null : s.replace('\u0000', '\uFFFD');
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= MAX_ERROR_CHARS ? s : s.substring(0, MAX_ERROR_CHARS - 3) + "...";
    }
}
