package io.baton.notify.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.baton.db.SqlArrays;
import io.baton.db.Transactions;
import io.baton.notify.smpp.domain.DeliveryReceipt;

/**
 * The SMS outbox, its only writer: notices queued (by crediting, in its own transaction, and by MO
 * replies), relayed to Kafka, claimed one attempt at a time, segments recorded as the SMSC accepts
 * them, retries scheduled, receipts applied. States: {@code queued} (waiting, perhaps for its next
 * attempt) → {@code sent} (handed over) → {@code delivered} / {@code undeliverable} by receipt, or
 * {@code failed} (permanent refusal, attempts exhausted). Every change is a conditional update on
 * the state (and the attempt or the version) it expects, so two actors racing cannot both win.
 */
@ApplicationScoped
public class SmsOutboxRepository {

    /** A notice a receipt matched, and what it is now. */
    public record ReceiptMatch(long outboxId, String toMsisdn, String state) {
    }

    /** A notice to queue; {@code serial} for a serial notice, else null. */
    public record Notice(String campaignId, String to, String from, String text, String kind, String serial) {
    }

    /** A queued notice as the relay reads it, at its version. */
    public record Queued(long id, long version, String to, String from, String text) {
    }

    /** A notice as operators see it. */
    public record SmsView(long id, String to, String from, String kind, String text, String state, String serial,
            OffsetDateTime createdAt, OffsetDateTime sentAt) {
    }

    private final Transactions tx;

    public SmsOutboxRepository(Transactions tx) {
        this.tx = tx;
    }

    /** Queues notices in the caller's transaction (a credit and its notice commit together). */
    public void enqueue(Connection c, List<Notice> notices) throws SQLException {
        if (notices.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO sms_outbox (campaign_id, to_msisdn, from_address, text, kind, serial)
                SELECT c, t, f, x, k, s FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    AS u(c, t, f, x, k, s)""")) {
            ps.setArray(1, SqlArrays.column(c, notices, Notice::campaignId));
            ps.setArray(2, SqlArrays.column(c, notices, Notice::to));
            ps.setArray(3, SqlArrays.column(c, notices, Notice::from));
            ps.setArray(4, SqlArrays.column(c, notices, Notice::text));
            ps.setArray(5, SqlArrays.column(c, notices, Notice::kind));
            ps.setArray(6, SqlArrays.column(c, notices, Notice::serial));
            ps.executeUpdate();
        }
    }

    /** Queues one notice in its own transaction. */
    public void enqueue(Notice notice) {
        tx.inTransaction(c -> {
            enqueue(c, List.of(notice));
            return null;
        });
    }

    /** Up to {@code limit} queued notices not yet relayed whose attempt is due, oldest first. */
    public List<Queued> unrelayed(int limit) {
        return tx.read(c -> {
            List<Queued> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, version, to_msisdn, from_address, text FROM sms_outbox
                    WHERE relayed_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= now())
                    ORDER BY id LIMIT ?""")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Queued(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getString(5)));
                    }
                }
            }
            return rows;
        });
    }

    /**
     * Marks relayed the notices still at the version the relay read; one queued again meanwhile
     * (a newer version) stays unrelayed and goes out again when its attempt is due.
     */
    public int markRelayed(List<Queued> rows) {
        if (rows.isEmpty()) {
            return 0;
        }
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE sms_outbox o SET relayed_at = now()
                    FROM unnest(?::bigint[], ?::bigint[]) AS r(id, version)
                    WHERE o.id = r.id AND o.version = r.version AND o.relayed_at IS NULL""")) {
                ps.setArray(1, SqlArrays.column(c, rows, Queued::id));
                ps.setArray(2, SqlArrays.column(c, rows, Queued::version));
                return ps.executeUpdate();
            }
        });
    }

    /** Notices written but not yet on Kafka. */
    public long unrelayedCount() {
        return tx.readLong("SELECT count(*) FROM sms_outbox WHERE relayed_at IS NULL");
    }

    /** The notices sent to a number, newest first. */
    public List<SmsView> sentTo(String msisdn, int limit) {
        return tx.read(c -> {
            List<SmsView> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, to_msisdn, from_address, kind, text, state, serial, created_at, sent_at
                    FROM sms_outbox WHERE to_msisdn = ? ORDER BY id DESC LIMIT ?""")) {
                ps.setString(1, msisdn);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SmsView(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7),
                                rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class)));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Claims the notice for one attempt ({@code queued} → {@code sent}, attempts + 1) unless another
     * delivery of its record did already, its next attempt is not due, or the record is older than
     * the notice's last retry ({@code version} differs; null: a record without one, any version);
     * the attempt number, or empty.
     */
    public OptionalInt claimAttempt(long id, Long version) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE sms_outbox SET state = 'sent', sent_at = now(), attempts = attempts + 1
                    WHERE id = ? AND state = 'queued' AND (next_attempt_at IS NULL OR next_attempt_at <= now())
                      AND (?::bigint IS NULL OR version = ?::bigint)
                    RETURNING attempts""")) {
                ps.setLong(1, id);
                ps.setObject(2, version);
                ps.setObject(3, version);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? OptionalInt.of(rs.getInt(1)) : OptionalInt.empty();
                }
            }
        });
    }

    /**
     * Notices claimed for an attempt more than {@code grace} ago whose segments are not all recorded
     * as accepted: the attempt's outcome was lost (a crash, an exception).
     */
    public long countUnsettled(Duration grace) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT count(*) FROM sms_outbox o
                    WHERE o.state = 'sent' AND o.attempts >= 1 AND o.sent_at < now() - make_interval(secs => ?)
                      AND (o.segments IS NULL
                           OR o.segments > (SELECT count(*) FROM sms_segment s WHERE s.outbox_id = o.id))""")) {
                ps.setDouble(1, grace.toMillis() / 1000.0);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /** Segment numbers (from 1) of the notice the SMSC has accepted in earlier attempts. */
    public Set<Integer> acceptedSegments(long id) {
        return tx.read(c -> {
            Set<Integer> out = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT segment FROM sms_segment WHERE outbox_id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getInt(1));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Marks a notice the logging sender took (no SMSC configured) as having no segments to track, so
     * that it never counts as unsettled once an SMSC is configured.
     */
    public void sentWithoutNetwork(long id) {
        tx.update("UPDATE sms_outbox SET segments = 0 WHERE id = ? AND segments IS NULL", id);
    }

    /** Records a segment the SMSC accepted, under its normalised message id. */
    public void segmentAccepted(long id, int segment, int segments, String smscMessageId) {
        tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO sms_segment (outbox_id, segment, smsc_message_id) VALUES (?, ?, ?)
                    ON CONFLICT DO NOTHING""");
                    PreparedStatement total = c.prepareStatement(
                            "UPDATE sms_outbox SET segments = ? WHERE id = ? AND segments IS DISTINCT FROM ?")) {
                ps.setLong(1, id);
                ps.setInt(2, segment);
                ps.setString(3, smscMessageId);
                ps.executeUpdate();
                total.setInt(1, segments);
                total.setLong(2, id);
                total.setInt(3, segments);
                return total.executeUpdate();
            }
        });
    }

    /**
     * Puts the notice back in the queue at a new version, relayed again once {@code delay} has
     * passed; only from attempt {@code attempt} in state {@code sent}. False: that attempt is over.
     */
    public boolean retryLater(long id, int attempt, String reason, Duration delay) {
        return tx.update("""
                UPDATE sms_outbox SET state = 'queued', relayed_at = NULL, version = version + 1, last_error = ?,
                    next_attempt_at = now() + make_interval(secs => ?)
                WHERE id = ? AND state = 'sent' AND attempts = ?""", reason, delay.toMillis() / 1000.0, id,
                attempt) == 1;
    }

    /** Ends the notice {@code failed} with the reason; only from attempt {@code attempt} in state {@code sent}. */
    public boolean failed(long id, int attempt, String reason) {
        return tx.update("UPDATE sms_outbox SET state = 'failed', last_error = ? WHERE id = ? AND state = 'sent'"
                + " AND attempts = ?", reason, id, attempt) == 1;
    }

    /**
     * Settles a notice whose segments are all accepted, for receipts that came while it waited for
     * a retry of its other segments (the receipt could not settle it then).
     */
    public void settle(long id) {
        tx.inTransaction(c -> {
            settle(c, id);
            return null;
        });
    }

    /** {@code undeliverable} as soon as a segment is, {@code delivered} once every segment is; only from {@code sent}. */
    private static void settle(java.sql.Connection c, long id) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE sms_outbox o SET
                    state = CASE WHEN s.undeliverable > 0 THEN 'undeliverable' ELSE 'delivered' END,
                    delivered_at = CASE WHEN s.undeliverable > 0 THEN NULL ELSE now() END
                FROM (SELECT count(*) FILTER (WHERE state = 'undeliverable') AS undeliverable,
                             count(*) FILTER (WHERE state = 'delivered') AS delivered
                      FROM sms_segment WHERE outbox_id = ?) s
                WHERE o.id = ? AND o.state = 'sent'
                  AND (s.undeliverable > 0 OR s.delivered >= coalesce(o.segments, 1))""")) {
            ps.setLong(1, id);
            ps.setLong(2, id);
            ps.executeUpdate();
        }
    }

    /**
     * Applies a receipt to the segment whose stored id is one of {@code candidates} (the first, the
     * receipt's literal id, preferred), then settles the notice: {@code undeliverable} as soon as a
     * segment is, {@code delivered} once every segment is. A pending status changes nothing.
     * Empty when no segment has any of the ids.
     */
    public Optional<ReceiptMatch> applyReceipt(List<String> candidates, DeliveryReceipt.Outcome outcome) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        return tx.inTransaction(c -> {
            long outboxId;
            int segment;
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT outbox_id, segment FROM sms_segment WHERE smsc_message_id = ANY(?)
                    ORDER BY array_position(?, smsc_message_id), accepted_at DESC LIMIT 1 FOR UPDATE""")) {
                java.sql.Array ids = c.createArrayOf("text", candidates.toArray());
                ps.setArray(1, ids);
                ps.setArray(2, ids);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.<ReceiptMatch>empty();
                    }
                    outboxId = rs.getLong(1);
                    segment = rs.getInt(2);
                }
            }
            if (outcome != DeliveryReceipt.Outcome.PENDING) {
                try (PreparedStatement ps = c.prepareStatement("""
                        UPDATE sms_segment SET state = ?, receipt_at = now()
                        WHERE outbox_id = ? AND segment = ? AND state = 'sent'""")) {
                    ps.setString(1, outcome == DeliveryReceipt.Outcome.DELIVERED ? "delivered" : "undeliverable");
                    ps.setLong(2, outboxId);
                    ps.setInt(3, segment);
                    ps.executeUpdate();
                }
                settle(c, outboxId);
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT to_msisdn, state FROM sms_outbox WHERE id = ?")) {
                ps.setLong(1, outboxId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return Optional.of(new ReceiptMatch(outboxId, rs.getString(1), rs.getString(2)));
                }
            }
        });
    }
}
