package io.baton.retention.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.baton.db.Transactions;

/**
 * Deletes what is past its retention, in short batches. The one writer that crosses the other
 * stores' tables, and only to delete: a campaign's data goes table by table in the order of their
 * foreign keys (segments, notices, serials, forwards, decisions, submits, near misses, seeds). The
 * campaign's document and its serial counter stay, so a campaign run again never reissues a serial.
 */
@ApplicationScoped
public class RetentionStore {

    private final Transactions tx;

    public RetentionStore(Transactions tx) {
        this.tx = tx;
    }

    /** Delivery reports received before {@code before} whose message is no recognised submit; how many. */
    public long purgeUncorrelated(Instant before, int batch) {
        return repeat("""
                DELETE FROM delivery WHERE ctid = ANY(ARRAY(
                    SELECT d.ctid FROM delivery d
                    WHERE d.received_at < ? AND NOT EXISTS (SELECT 1 FROM submit s WHERE s.message_id = d.message_id)
                    LIMIT ?))""", Timestamp.from(before), batch);
    }

    /** When the campaign last received a submit or credited a forward; empty when it has none. */
    public Optional<Instant> lastActivity(String campaignId) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT greatest((SELECT max(received_at) FROM submit WHERE campaign_id = ?),
                                    (SELECT max(credited_at) FROM forward WHERE campaign_id = ?),
                                    (SELECT max(created_at) FROM seed_send WHERE campaign_id = ?))""")) {
                ps.setString(1, campaignId);
                ps.setString(2, campaignId);
                ps.setString(3, campaignId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    Timestamp t = rs.getTimestamp(1);
                    return Optional.ofNullable(t).map(Timestamp::toInstant);
                }
            }
        });
    }

    /** Deletes the campaign's data; rows deleted per table. */
    public Map<String, Long> purgeCampaign(String id, int batch) {
        Map<String, Long> deleted = new LinkedHashMap<>();
        deleted.put("sms_segment", repeat("""
                DELETE FROM sms_segment WHERE ctid = ANY(ARRAY(SELECT g.ctid FROM sms_segment g
                    JOIN sms_outbox o ON o.id = g.outbox_id WHERE o.campaign_id = ? LIMIT ?))""", id, batch));
        deleted.put("sms_outbox", byCampaign("sms_outbox", id, batch));
        deleted.put("serial", byCampaign("serial", id, batch));
        deleted.put("forward", byCampaign("forward", id, batch));
        deleted.put("credit_rejection", byCampaign("credit_rejection", id, batch));
        deleted.put("submit_recipient", repeat("""
                DELETE FROM submit_recipient WHERE ctid = ANY(ARRAY(SELECT r.ctid FROM submit_recipient r
                    JOIN submit s ON s.message_id = r.message_id WHERE s.campaign_id = ? LIMIT ?))""", id, batch));
        deleted.put("delivery", repeat("""
                DELETE FROM delivery WHERE ctid = ANY(ARRAY(SELECT d.ctid FROM delivery d
                    JOIN submit s ON s.message_id = d.message_id WHERE s.campaign_id = ? LIMIT ?))""", id, batch));
        deleted.put("submit", byCampaign("submit", id, batch));
        deleted.put("recognition_miss", byCampaign("recognition_miss", id, batch));
        deleted.put("seed_send", byCampaign("seed_send", id, batch));
        return deleted;
    }

    private long byCampaign(String table, String id, int batch) {
        return repeat("DELETE FROM " + table + " WHERE ctid = ANY(ARRAY(SELECT ctid FROM " + table
                + " WHERE campaign_id = ? LIMIT ?))", id, batch);
    }

    /** Runs the batched delete until it deletes nothing; the total. */
    private long repeat(String sql, Object key, int batch) {
        long total = 0;
        while (true) {
            int n = tx.update(sql, key, batch);
            total += n;
            if (n < batch) {
                return total;
            }
        }
    }
}
