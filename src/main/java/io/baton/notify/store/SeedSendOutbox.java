package io.baton.notify.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.baton.db.SqlArrays;
import io.baton.db.Transactions;
import io.baton.notify.messaging.MmsOutbound;

/**
 * {@code seed_send} as an outbox: seeds queued (one per subscriber per campaign day, by its unique
 * key), relayed to Kafka, claimed once for sending. What MM7 makes of them afterwards is
 * {@link io.baton.notify.mm7.store.SeedSendMm7Repository}'s.
 */
@ApplicationScoped
public class SeedSendOutbox {

    private final Transactions tx;

    public SeedSendOutbox(Transactions tx) {
        this.tx = tx;
    }

    /** Queues the seed a subscriber asked for by keyword; false when one was queued for that day already. */
    public boolean queueRequested(String campaignId, String msisdn, LocalDate day) {
        return tx.update("""
                INSERT INTO seed_send (campaign_id, msisdn, send_day, reason) VALUES (?, ?, ?, 'keyword')
                ON CONFLICT DO NOTHING""", campaignId, msisdn, day) == 1;
    }

    public List<MmsOutbound> unrelayed(int limit) {
        return tx.read(c -> {
            List<MmsOutbound> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT id, campaign_id, msisdn FROM seed_send WHERE relayed_at IS NULL ORDER BY id LIMIT ?")) {
                ps.setInt(1, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new MmsOutbound(rs.getLong(1), rs.getString(2), rs.getString(3)));
                    }
                }
            }
            return rows;
        });
    }

    /** Seeds are relayed once (a retry is MM7's, not the relay's): marking needs no version. */
    public void markRelayed(List<MmsOutbound> rows) {
        if (rows.isEmpty()) {
            return;
        }
        tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE seed_send SET relayed_at = now() WHERE id = ANY(?::bigint[]) AND relayed_at IS NULL")) {
                ps.setArray(1, SqlArrays.column(c, rows, MmsOutbound::id));
                return ps.executeUpdate();
            }
        });
    }

    public long unrelayedCount() {
        return tx.readLong("SELECT count(*) FROM seed_send WHERE relayed_at IS NULL");
    }

    /** Claims the seed for sending ({@code queued} → {@code sent}); false when another delivery of its record did. */
    public boolean claim(long id) {
        return tx.update("UPDATE seed_send SET state = 'sent', sent_at = now() WHERE id = ? AND state = 'queued'",
                id) == 1;
    }
}
