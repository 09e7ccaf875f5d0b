package io.baton.prize.store;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** The draw tables (V13): pool keys, frozen pools, seeds and receipts, and the admin audit log. */
@ApplicationScoped
public class DrawStore {

    /** A serial eligible for a draw, with its holder's number and the region it was earned in. */
    public record Eligible(String serial, String msisdn, String region) {
    }

    /** A closed draw, with its receipt once the seed is in. */
    public record StoredDraw(String campaignId, String drawId, String tierId, OffsetDateTime cutoff, String pool,
            int poolSize, String poolRoot, String publicKey, String privateKey, String seed, String source,
            String receipt) {

        public boolean drawn() {
            return receipt != null;
        }
    }

    private final SecureRandom random = new SecureRandom();

    /** The campaign's pool key, made on first use (a concurrent first use keeps the first one). */
    public byte[] poolKey(Connection c, String campaignId) throws SQLException {
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO prize_pool_key (campaign_id, pool_key) VALUES (?, ?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, campaignId);
            ps.setBytes(2, fresh);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT pool_key FROM prize_pool_key WHERE campaign_id = ?")) {
            ps.setString(1, campaignId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBytes(1);
            }
        }
    }

    /**
     * Serials credited before {@code cutoff} (event time), except those of subscribers who had
     * reached {@code maxPrizes} before it (rejected wins do not count).
     */
    public List<Eligible> eligible(Connection c, String campaignId, OffsetDateTime cutoff, int maxPrizes)
            throws SQLException {
        List<Eligible> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT s.serial, s.msisdn, f.region FROM serial s JOIN forward f ON f.id = s.forward_id
                WHERE s.campaign_id = ? AND f.credited_at < ?
                  AND s.msisdn NOT IN (SELECT msisdn FROM prize_win
                                       WHERE campaign_id = ? AND won_at < ? AND state <> 'rejected'
                                       GROUP BY msisdn HAVING count(*) >= ?)""")) {
            ps.setString(1, campaignId);
            ps.setObject(2, cutoff);
            ps.setString(3, campaignId);
            ps.setObject(4, cutoff);
            ps.setInt(5, maxPrizes);
            ps.setFetchSize(10_000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Eligible(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return out;
    }

    /** Records a close; false when the draw was closed before (the first close stands). */
    public boolean insertClosed(Connection c, StoredDraw d, String actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO prize_draw (campaign_id, draw_id, tier_id, cutoff, pool, pool_size, pool_root, public_key,
                    private_key, closed_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")) {
            ps.setString(1, d.campaignId());
            ps.setString(2, d.drawId());
            ps.setString(3, d.tierId());
            ps.setObject(4, d.cutoff());
            ps.setString(5, d.pool());
            ps.setInt(6, d.poolSize());
            ps.setString(7, d.poolRoot());
            ps.setString(8, d.publicKey());
            ps.setString(9, d.privateKey());
            ps.setString(10, actor);
            return ps.executeUpdate() == 1;
        }
    }

    /** The draw, locked for the rest of the transaction when {@code forUpdate}. */
    public Optional<StoredDraw> find(Connection c, String campaignId, String drawId, boolean forUpdate)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT campaign_id, draw_id, tier_id, cutoff, pool, pool_size, pool_root, public_key, private_key, seed,
                    source, receipt FROM prize_draw WHERE campaign_id = ? AND draw_id = ?""" + (forUpdate ? " FOR UPDATE" : ""))) {
            ps.setString(1, campaignId);
            ps.setString(2, drawId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredDraw(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class), rs.getString(5), rs.getInt(6), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11), rs.getString(12)));
            }
        }
    }

    public void recordDrawn(Connection c, String campaignId, String drawId, String seed, String source, String receipt,
            String actor) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE prize_draw SET seed = ?, source = ?, receipt = ?, drawn_at = now(), drawn_by = ?
                WHERE campaign_id = ? AND draw_id = ? AND receipt IS NULL""")) {
            ps.setString(1, seed);
            ps.setString(2, source);
            ps.setString(3, receipt);
            ps.setString(4, actor);
            ps.setString(5, campaignId);
            ps.setString(6, drawId);
            if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("draw " + drawId + " was drawn already");
            }
        }
    }

    /** The region a serial was earned in. */
    /** Who had a turn in a draw (a win row, whatever became of it), and how many of those still hold the prize. */
    public record Turns(java.util.Set<String> had, int holding) {
    }

    public Turns turns(Connection c, String campaignId, String drawId) throws SQLException {
        java.util.Set<String> had = new java.util.HashSet<>();
        int holding = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT serial, state FROM prize_win WHERE campaign_id = ? AND draw_id = ?")) {
            ps.setString(1, campaignId);
            ps.setString(2, drawId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    had.add(rs.getString(1));
                    if (!"rejected".equals(rs.getString(2)) && !"forfeited".equals(rs.getString(2))) {
                        holding++;
                    }
                }
            }
        }
        return new Turns(had, holding);
    }

    /** The holder of a serial and the region of the forward that earned it. */
    public Optional<Eligible> holder(Connection c, String serial) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT s.serial, s.msisdn, f.region FROM serial s JOIN forward f ON f.id = s.forward_id
                WHERE s.serial = ?""")) {
            ps.setString(1, serial);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Eligible(rs.getString(1), rs.getString(2), rs.getString(3)))
                        : Optional.empty();
            }
        }
    }
}
