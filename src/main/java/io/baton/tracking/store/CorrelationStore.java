package io.baton.tracking.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.baton.db.SqlArrays;
import io.baton.ingest.domain.MmscEvent;

/**
 * The tables that correlate submits with their delivery reports: {@code delivery},
 * {@code submit}, {@code submit_recipient} and {@code recognition_miss}. Every write is idempotent
 * (a redelivered batch adds nothing); all of it runs in the caller's transaction.
 */
@ApplicationScoped
public class CorrelationStore {

    /** A recognised submit: the campaign it belongs to and how it was recognised. */
    public record NewSubmit(MmscEvent event, String campaignId, String recognisedBy, double confidence,
            String evidenceJson) {
    }

    /** An unrecognised submit kept for managers: ambiguous, or a near miss of {@code campaignId}. */
    public record NewMiss(MmscEvent event, String campaignId, String evidenceJson, boolean ambiguous,
            List<String> ambiguousWith) {
    }

    /** A recognised (submit, recipient) pair with its recipient's report, not yet credited or refused. */
    public record Pending(String messageId, String recipient, String campaignId, String sender,
            OffsetDateTime submittedAt, String status, OffsetDateTime deliveredAt) {
    }

    public void insertDeliveries(Connection c, List<MmscEvent> deliveries) throws SQLException {
        if (deliveries.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO delivery (message_id, recipient, status, mmsc, delivered_at)
                SELECT m, r, s, x, a::timestamptz FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    AS t(m, r, s, x, a)
                ON CONFLICT DO NOTHING""")) {
            ps.setArray(1, SqlArrays.column(c, deliveries, MmscEvent::messageId));
            ps.setArray(2, SqlArrays.column(c, deliveries, d -> d.to().get(0)));
            ps.setArray(3, SqlArrays.column(c, deliveries, MmscEvent::status));
            ps.setArray(4, SqlArrays.column(c, deliveries, MmscEvent::mmsc));
            ps.setArray(5, SqlArrays.column(c, deliveries, MmscEvent::at));
            ps.executeUpdate();
        }
    }

    public void insertSubmits(Connection c, List<NewSubmit> submits) throws SQLException {
        if (submits.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO submit (message_id, campaign_id, sender, mmsc, submitted_at, recognised_by, confidence,
                                    evidence)
                SELECT m, c, s, x, a::timestamptz, r, f, e::jsonb
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::float8[], ?::text[])
                    AS t(m, c, s, x, a, r, f, e)
                ON CONFLICT DO NOTHING""")) {
            ps.setArray(1, SqlArrays.column(c, submits, s -> s.event().messageId()));
            ps.setArray(2, SqlArrays.column(c, submits, NewSubmit::campaignId));
            ps.setArray(3, SqlArrays.column(c, submits, s -> s.event().from()));
            ps.setArray(4, SqlArrays.column(c, submits, s -> s.event().mmsc()));
            ps.setArray(5, SqlArrays.column(c, submits, s -> s.event().at()));
            ps.setArray(6, SqlArrays.column(c, submits, NewSubmit::recognisedBy));
            ps.setArray(7, c.createArrayOf("float8", submits.stream().map(NewSubmit::confidence).toArray()));
            ps.setArray(8, SqlArrays.column(c, submits, NewSubmit::evidenceJson));
            ps.executeUpdate();
        }
        List<String[]> recipients = new ArrayList<>();
        for (NewSubmit s : submits) {
            for (String to : s.event().to()) {
                recipients.add(new String[] { s.event().messageId(), to });
            }
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO submit_recipient (message_id, recipient)
                SELECT * FROM unnest(?::text[], ?::text[]) ON CONFLICT DO NOTHING""")) {
            ps.setArray(1, SqlArrays.column(c, recipients, r -> r[0]));
            ps.setArray(2, SqlArrays.column(c, recipients, r -> r[1]));
            ps.executeUpdate();
        }
    }

    public void insertMisses(Connection c, List<NewMiss> misses) throws SQLException {
        if (misses.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO recognition_miss (message_id, campaign_id, sender, mmsc, submitted_at, evidence, reason,
                                              ambiguous_with)
                SELECT m, c, s, x, a::timestamptz, e::jsonb, r, CASE WHEN w = '' THEN NULL ELSE string_to_array(w, ',') END
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                    AS t(m, c, s, x, a, e, r, w)
                ON CONFLICT DO NOTHING""")) {
            ps.setArray(1, SqlArrays.column(c, misses, m -> m.event().messageId()));
            ps.setArray(2, SqlArrays.column(c, misses, NewMiss::campaignId));
            ps.setArray(3, SqlArrays.column(c, misses, m -> m.event().from()));
            ps.setArray(4, SqlArrays.column(c, misses, m -> m.event().mmsc()));
            ps.setArray(5, SqlArrays.column(c, misses, m -> m.event().at()));
            ps.setArray(6, SqlArrays.column(c, misses, NewMiss::evidenceJson));
            ps.setArray(7, SqlArrays.column(c, misses, m -> m.ambiguous() ? "ambiguous" : "near-miss"));
            ps.setArray(8, SqlArrays.column(c, misses, m -> String.join(",", m.ambiguousWith())));
            ps.executeUpdate();
        }
    }

    /** The pairs of these messages whose recipient's report has arrived and that are not yet decided. */
    public List<Pending> pending(Connection c, List<String> messageIds) throws SQLException {
        List<Pending> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT s.message_id, sr.recipient, s.campaign_id, s.sender, s.submitted_at, d.status, d.delivered_at
                FROM submit s
                JOIN submit_recipient sr ON sr.message_id = s.message_id
                JOIN delivery d ON d.message_id = sr.message_id AND d.recipient = sr.recipient
                WHERE s.message_id = ANY(?::text[])
                  AND NOT EXISTS (SELECT 1 FROM forward f WHERE f.message_id = sr.message_id AND f.recipient = sr.recipient)
                  AND NOT EXISTS (SELECT 1 FROM credit_rejection r
                                  WHERE r.message_id = sr.message_id AND r.recipient = sr.recipient)""")) {
            ps.setArray(1, SqlArrays.column(c, messageIds, id -> id));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Pending(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getObject(5, OffsetDateTime.class), rs.getString(6),
                            rs.getObject(7, OffsetDateTime.class)));
                }
            }
        }
        return out;
    }
}
