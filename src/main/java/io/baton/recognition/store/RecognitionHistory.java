package io.baton.recognition.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.baton.db.SqlArrays;
import io.baton.db.Transactions;

/** A sender's recognised and nearly recognised submits with each recipient's outcome (read only). */
@ApplicationScoped
public class RecognitionHistory {

    /** What became of one recipient of a submit. */
    public record RecipientOutcome(String recipient, String outcome, String serial, String reason) {
    }

    /** One submit as stored: {@code evidence} is its JSON text. */
    public record SubmitRecord(String messageId, OffsetDateTime submittedAt, String mmsc, boolean recognised,
            double confidence, String evidence, List<RecipientOutcome> recipients) {
    }

    private final Transactions tx;

    public RecognitionHistory(Transactions tx) {
        this.tx = tx;
    }

    /** The sender's first 1000 submits in the campaign, oldest first. */
    public List<SubmitRecord> of(String campaignId, String sender) {
        return tx.read(c -> {
            Map<String, List<RecipientOutcome>> outcomes = new LinkedHashMap<>();
            List<SubmitRecord> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT message_id, submitted_at, mmsc, true, confidence, evidence::text FROM submit
                    WHERE campaign_id = ? AND sender = ?
                    UNION ALL
                    SELECT message_id, submitted_at, mmsc, false, 0, evidence::text FROM recognition_miss
                    WHERE campaign_id = ? AND sender = ?
                    ORDER BY 2, 1 LIMIT 1000""")) {
                ps.setString(1, campaignId);
                ps.setString(2, sender);
                ps.setString(3, campaignId);
                ps.setString(4, sender);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<RecipientOutcome> recipients = outcomes.computeIfAbsent(rs.getString(1),
                                k -> new ArrayList<>());
                        out.add(new SubmitRecord(rs.getString(1), rs.getObject(2, OffsetDateTime.class),
                                rs.getString(3), rs.getBoolean(4), rs.getDouble(5), rs.getString(6), recipients));
                    }
                }
            }
            recipients(c, outcomes);
            return out;
        });
    }

    /** Per recipient of the recognised submits: credited (serial), rejected (reason) or awaiting its report. */
    private static void recipients(Connection c, Map<String, List<RecipientOutcome>> outcomes) throws SQLException {
        if (outcomes.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT sr.message_id, sr.recipient, s.serial, r.reason,
                       (SELECT string_agg(d.status, ',' ORDER BY d.delivered_at) FROM delivery d
                        WHERE d.message_id = sr.message_id AND d.recipient = sr.recipient)
                FROM submit_recipient sr
                LEFT JOIN forward f ON f.message_id = sr.message_id AND f.recipient = sr.recipient
                LEFT JOIN serial s ON s.forward_id = f.id
                LEFT JOIN credit_rejection r ON r.message_id = sr.message_id AND r.recipient = sr.recipient
                WHERE sr.message_id = ANY(?::text[])
                ORDER BY sr.message_id, sr.recipient""")) {
            ps.setArray(1, SqlArrays.column(c, new ArrayList<>(outcomes.keySet()), m -> m));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String serial = rs.getString(3);
                    String rejected = rs.getString(4);
                    String statuses = rs.getString(5);
                    String outcome = serial != null ? "credited" : rejected != null ? "rejected" : "awaiting-delivery";
                    String reason = serial != null ? null : rejected != null ? rejected
                            : statuses == null ? "no delivery report yet" : "delivery status so far: " + statuses;
                    outcomes.get(rs.getString(1)).add(new RecipientOutcome(rs.getString(2), outcome, serial, reason));
                }
            }
        }
    }
}
