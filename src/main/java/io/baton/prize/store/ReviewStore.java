package io.baton.prize.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.baton.db.Transactions;

/** The review queue: flagged wins waiting for an operator, and the decisions taken. */
@ApplicationScoped
public class ReviewStore {

    /** A review with its win. */
    public record Review(long id, String campaign, long winId, String serial, String msisdn, String tier, String kind,
            String rule, String reason, String state, OffsetDateTime flaggedAt, OffsetDateTime holdUntil,
            String decidedBy, String decisionReason, OffsetDateTime decidedAt, String winState) {
    }

    private static final String SELECT = """
            SELECT r.id, r.campaign_id, r.win_id, w.serial, w.msisdn, w.tier_id, w.kind, r.rule, r.reason, r.state,
                   r.flagged_at, r.hold_until, r.decided_by, r.decision_reason, r.decided_at, w.state
            FROM prize_review r JOIN prize_win w ON w.id = r.win_id
            """;

    private final Transactions tx;

    public ReviewStore(Transactions tx) {
        this.tx = tx;
    }

    public void insert(Connection c, String campaignId, long winId, String rule, String reason,
            OffsetDateTime holdUntil) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO prize_review (campaign_id, win_id, rule, reason, hold_until) VALUES (?, ?, ?, ?, ?)""")) {
            ps.setString(1, campaignId);
            ps.setLong(2, winId);
            ps.setString(3, rule);
            ps.setString(4, reason);
            ps.setObject(5, holdUntil);
            ps.executeUpdate();
        }
    }

    /** The campaign's reviews (all, or in one state), newest first. */
    public List<Review> list(String campaignId, String state, int limit) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(SELECT + """
                    WHERE r.campaign_id = ? AND (?::text IS NULL OR r.state = ?) ORDER BY r.id DESC LIMIT ?""")) {
                ps.setString(1, campaignId);
                ps.setString(2, state);
                ps.setString(3, state);
                ps.setInt(4, limit);
                return read(ps);
            }
        });
    }

    public Optional<Review> find(Connection c, long id, boolean forUpdate) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT + "WHERE r.id = ?" + (forUpdate ? " FOR UPDATE OF r" : ""))) {
            ps.setLong(1, id);
            return read(ps).stream().findFirst();
        }
    }

    /** Records a decision on a pending review; false when it was decided before. */
    public boolean decide(Connection c, long id, String state, String by, String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE prize_review SET state = ?, decided_by = ?, decision_reason = ?, decided_at = now()
                WHERE id = ? AND state = 'pending'""")) {
            ps.setString(1, state);
            ps.setString(2, by);
            ps.setString(3, reason);
            ps.setLong(4, id);
            return ps.executeUpdate() == 1;
        }
    }

    /** Pending reviews (of one campaign, or all when null) whose hold ended before {@code now}, oldest first. */
    public List<Long> due(Connection c, String campaignId, OffsetDateTime now, int limit) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id FROM prize_review WHERE state = 'pending' AND hold_until <= ?
                  AND (?::text IS NULL OR campaign_id = ?) ORDER BY hold_until LIMIT ?""")) {
            ps.setObject(1, now);
            ps.setString(2, campaignId);
            ps.setString(3, campaignId);
            ps.setInt(4, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }

    private static List<Review> read(PreparedStatement ps) throws SQLException {
        List<Review> out = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new Review(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getObject(11, OffsetDateTime.class), rs.getObject(12, OffsetDateTime.class),
                        rs.getString(13), rs.getString(14), rs.getObject(15, OffsetDateTime.class),
                        rs.getString(16)));
            }
        }
        return out;
    }
}
