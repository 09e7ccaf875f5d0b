package io.baton.notify.mm7.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.baton.db.Transactions;
import io.baton.notify.messaging.MmsOutbound;

/**
 * The MM7 side of {@code seed_send}: the result of each SubmitReq attempt, retries that are due, and
 * what delivery reports and read replies say about a MessageID. States: {@code sent} (claimed, then
 * accepted with its MessageID), {@code retrying}, {@code failed}, {@code delivered},
 * {@code undeliverable}.
 */
@ApplicationScoped
public class SeedSendMm7Repository {

    /** A seed whose next attempt is due, claimed for this instance. */
    public record DueRetry(MmsOutbound seed, int attemptsMade) {
    }

    private final Transactions tx;

    public SeedSendMm7Repository(Transactions tx) {
        this.tx = tx;
    }

    public void accepted(long id, int attemptsMade, String messageId) {
        tx.update("""
                UPDATE seed_send SET state = 'sent', mm7_message_id = ?, attempts = ?, last_error = NULL,
                    next_attempt_at = NULL WHERE id = ?""", messageId, attemptsMade, id);
    }

    /**
     * Marks attempt number {@code attempt} as begun, before its SubmitReq leaves: a row claimed but
     * with no attempt begun (sent by the logging sender, or by a version before this column was kept)
     * is never taken for unsettled.
     */
    public void attemptBegun(long id, int attempt) {
        tx.update("UPDATE seed_send SET attempts = ? WHERE id = ? AND attempts < ?", attempt, id, attempt);
    }

    public void retryLater(long id, int attemptsMade, Instant next, String error) {
        tx.update("""
                UPDATE seed_send SET state = 'retrying', attempts = ?, next_attempt_at = ?, last_error = ?
                WHERE id = ?""", attemptsMade, Timestamp.from(next), error, id);
    }

    public void failed(long id, int attemptsMade, String error) {
        tx.update("UPDATE seed_send SET state = 'failed', attempts = ?, next_attempt_at = NULL, last_error = ? WHERE id = ?",
                attemptsMade, error, id);
    }

    /** Claims up to {@code limit} due retries ({@code retrying} → {@code sent}); another instance skips them. */
    public List<DueRetry> claimDue(int limit) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE seed_send SET state = 'sent', sent_at = now(), next_attempt_at = NULL WHERE id IN (
                        SELECT id FROM seed_send WHERE state = 'retrying' AND next_attempt_at <= now()
                        ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED)
                    RETURNING id, campaign_id, msisdn, attempts""")) {
                ps.setInt(1, limit);
                return dueRetries(ps);
            }
        });
    }

    /**
     * Seeds claimed more than {@code grace} ago ({@code sent_at}, set by every claim) whose attempt
     * had begun ({@code attempts >= 1}) but has no MessageID: the SubmitReq's outcome was lost (a
     * crash, an exception).
     */
    public long countUnsettled(Duration grace) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT count(*) FROM seed_send WHERE state = 'sent' AND mm7_message_id IS NULL
                      AND attempts >= 1 AND sent_at < now() - make_interval(secs => ?)""")) {
                ps.setDouble(1, grace.toMillis() / 1000.0);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
    }

    /**
     * Claims up to {@code limit} unsettled seeds for a resend (claimed again now, so neither another
     * pass nor another instance takes them while it runs); the lost attempt was counted when it began.
     */
    public List<DueRetry> claimUnsettled(Duration grace, int limit) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE seed_send SET sent_at = now() WHERE id IN (
                        SELECT id FROM seed_send WHERE state = 'sent' AND mm7_message_id IS NULL
                          AND attempts >= 1 AND sent_at < now() - make_interval(secs => ?)
                        ORDER BY sent_at LIMIT ? FOR UPDATE SKIP LOCKED)
                    RETURNING id, campaign_id, msisdn, attempts""")) {
                ps.setDouble(1, grace.toMillis() / 1000.0);
                ps.setInt(2, limit);
                return dueRetries(ps);
            }
        });
    }

    private static List<DueRetry> dueRetries(PreparedStatement ps) throws java.sql.SQLException {
        List<DueRetry> due = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                due.add(new DueRetry(new MmsOutbound(rs.getLong(1), rs.getString(2), rs.getString(3)), rs.getInt(4)));
            }
        }
        return due;
    }

    /**
     * Records a delivery report. A final state is not overwritten by a later report of another kind
     * (an MMSC may report Deferred after Retrieved).
     *
     * @param state {@code delivered}, {@code undeliverable}, or null for a status that is not final
     * @return the seed rows the MessageID names (0 when unknown)
     */
    public int deliveryReport(String messageId, String state) {
        if (state == null) {
            return tx.read(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM seed_send WHERE mm7_message_id = ?")) {
                    ps.setString(1, messageId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        return rs.getInt(1);
                    }
                }
            });
        }
        return tx.update("""
                UPDATE seed_send SET state = ?, delivered_at = coalesce(delivered_at, now())
                WHERE mm7_message_id = ? AND state IN ('sent', 'delivered', 'undeliverable')""", state, messageId);
    }

    /** @return the seed rows the MessageID names */
    public int read(String messageId) {
        return tx.update("UPDATE seed_send SET read_at = coalesce(read_at, now()) WHERE mm7_message_id = ?", messageId);
    }

    public void rememberLinkedId(String msisdn, String linkedId) {
        tx.update("""
                INSERT INTO mm7_linked_id (msisdn, linked_id) VALUES (?, ?)
                ON CONFLICT (msisdn) DO UPDATE SET linked_id = excluded.linked_id, received_at = now()""",
                msisdn, linkedId);
    }

    /** The LinkedID of the subscriber's last MO MMS, when it came within {@code maxAge}. */
    public Optional<String> linkedId(String msisdn, Duration maxAge) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT linked_id FROM mm7_linked_id WHERE msisdn = ? AND received_at > now() - ? * interval '1 second'")) {
                ps.setString(1, msisdn);
                ps.setLong(2, maxAge.toSeconds());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }
}
