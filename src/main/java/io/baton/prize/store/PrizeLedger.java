package io.baton.prize.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.baton.campaign.domain.PrizeRules;
import io.baton.db.SqlArrays;

/**
 * The prize tables (V12): stock, budget, holders, pacing cells and wins. Every take is a
 * conditional UPDATE that answers whether it took, so that the database, not a check in Java,
 * keeps stock, budget, pacing and per-subscriber limits; all run in the caller's transaction.
 */
@ApplicationScoped
public class PrizeLedger {

    /** A win to record; {@code drawId} is null for a win on a credit (instant, milestone). */
    public record NewWin(String campaignId, String tierId, String kind, String rule, String serial, String msisdn,
            String region, LocalDate day, long unitCost, String state, String claimCode, OffsetDateTime claimBy,
            OffsetDateTime wonAt, String drawId) {
    }

    /** A win as stored, for a state change. */
    public record StoredWin(long id, String campaignId, String tierId, String kind, String drawId, String serial,
            String msisdn, long unitCost, String state, String claimCode, OffsetDateTime claimBy) {
    }

    /** The catalogue's tiers and budget as rows; a quantity or budget never drops below what was given. */
    public void sync(Connection c, String campaignId, PrizeRules rules) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO prize_stock (campaign_id, tier_id, unit_cost, quantity)
                SELECT ?, t, u::bigint, q::int FROM unnest(?::text[], ?::text[], ?::text[]) AS x(t, u, q)
                ON CONFLICT (campaign_id, tier_id) DO UPDATE
                  SET unit_cost = EXCLUDED.unit_cost, quantity = GREATEST(EXCLUDED.quantity, prize_stock.given)""")) {
            ps.setString(1, campaignId);
            ps.setArray(2, SqlArrays.column(c, rules.tiers(), PrizeRules.Tier::id));
            ps.setArray(3, SqlArrays.column(c, rules.tiers(), PrizeRules.Tier::unitCost));
            ps.setArray(4, SqlArrays.column(c, rules.tiers(), PrizeRules.Tier::quantity));
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO prize_budget (campaign_id, budget) VALUES (?, ?)
                ON CONFLICT (campaign_id) DO UPDATE SET budget = GREATEST(EXCLUDED.budget, prize_budget.spent)""")) {
            ps.setString(1, campaignId);
            ps.setLong(2, rules.budget());
            ps.executeUpdate();
        }
    }

    /** How many forwards each sender has had credited in the campaign (this transaction's included). */
    public Map<String, Long> creditCounts(Connection c, String campaignId, List<String> senders) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT sender, count(*) FROM forward WHERE campaign_id = ? AND sender = ANY(?::text[]) GROUP BY sender""")) {
            ps.setString(1, campaignId);
            ps.setArray(2, SqlArrays.column(c, senders, s -> s));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    /** Participants (distinct credited senders) per region so far. */
    public Map<String, Long> participantsByRegion(Connection c, String campaignId) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT region, count(DISTINCT sender) FROM forward WHERE campaign_id = ? GROUP BY region")) {
            ps.setString(1, campaignId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    /** What is left of a tier for instant and milestone wins: quantity − given − what draws still hold. */
    public int stockLeft(Connection c, String campaignId, String tierId, int drawReserve) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT quantity - given FROM prize_stock WHERE campaign_id = ? AND tier_id = ?")) {
            ps.setString(1, campaignId);
            ps.setString(2, tierId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Math.max(0, rs.getInt(1) - drawReserve) : 0;
            }
        }
    }

    /** Prizes of a tier given by draws so far. */
    public int drawn(Connection c, String campaignId, String tierId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM prize_win WHERE campaign_id = ? AND tier_id = ? AND kind = 'draw'")) {
            ps.setString(1, campaignId);
            ps.setString(2, tierId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /** The planned quota of a day's cells per region, if the day has been planned. */
    public Map<String, int[]> cells(Connection c, String campaignId, String tierId, LocalDate day) throws SQLException {
        Map<String, int[]> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT region, planned, given FROM prize_pacing WHERE campaign_id = ? AND tier_id = ? AND day = ?""")) {
            ps.setString(1, campaignId);
            ps.setString(2, tierId);
            ps.setObject(3, day);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), new int[] { rs.getInt(2), rs.getInt(3) });
                }
            }
        }
        return out;
    }

    /** Fixes a day's plan; a plan another transaction fixed first stays (its rows win the conflict). */
    public void plan(Connection c, String campaignId, String tierId, LocalDate day, Map<String, Integer> planned)
            throws SQLException {
        List<Map.Entry<String, Integer>> rows = new ArrayList<>(planned.entrySet());
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO prize_pacing (campaign_id, tier_id, day, region, planned)
                SELECT ?, ?, ?, r, p::int FROM unnest(?::text[], ?::text[]) AS x(r, p)
                ON CONFLICT DO NOTHING""")) {
            ps.setString(1, campaignId);
            ps.setString(2, tierId);
            ps.setObject(3, day);
            ps.setArray(4, SqlArrays.column(c, rows, Map.Entry::getKey));
            ps.setArray(5, SqlArrays.column(c, rows, Map.Entry::getValue));
            ps.executeUpdate();
        }
    }

    /** Takes one unit of a pacing cell if fewer than {@code allowed} were given. */
    public boolean takeCell(Connection c, String campaignId, String tierId, LocalDate day, String region, int allowed)
            throws SQLException {
        return update(c, """
                UPDATE prize_pacing SET given = given + 1
                WHERE campaign_id = ? AND tier_id = ? AND day = ? AND region = ? AND given < ? AND given < planned""",
                campaignId, tierId, day, region, allowed) == 1;
    }

    /** Takes one unit of a tier, leaving {@code reserve} for draws; answers its unit cost. */
    public OptionalLong takeStock(Connection c, String campaignId, String tierId, int reserve) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE prize_stock SET given = given + 1
                WHERE campaign_id = ? AND tier_id = ? AND given + ? < quantity RETURNING unit_cost""")) {
            ps.setString(1, campaignId);
            ps.setString(2, tierId);
            ps.setInt(3, reserve);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** Counts a prize for a subscriber if they hold fewer than {@code max}. */
    public boolean takeHolder(Connection c, String campaignId, String msisdn, int max) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO prize_holder AS h (campaign_id, msisdn, wins) VALUES (?, ?, 1)
                ON CONFLICT (campaign_id, msisdn) DO UPDATE SET wins = h.wins + 1 WHERE h.wins < ?
                RETURNING wins""")) {
            ps.setString(1, campaignId);
            ps.setString(2, msisdn);
            ps.setInt(3, max);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) <= max;
            }
        }
    }

    /** Spends {@code cost} of the campaign's budget if it stays within it. */
    public boolean spend(Connection c, String campaignId, long cost) throws SQLException {
        return update(c, "UPDATE prize_budget SET spent = spent + ? WHERE campaign_id = ? AND spent + ? <= budget",
                cost, campaignId, cost) == 1;
    }

    public long insertWin(Connection c, NewWin w) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO prize_win (campaign_id, tier_id, kind, rule, serial, msisdn, region, day, unit_cost, state,
                    claim_code, claim_by, won_at, draw_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
            ps.setString(1, w.campaignId());
            ps.setString(2, w.tierId());
            ps.setString(3, w.kind());
            ps.setString(4, w.rule());
            ps.setString(5, w.serial());
            ps.setString(6, w.msisdn());
            ps.setString(7, w.region());
            ps.setObject(8, w.day());
            ps.setLong(9, w.unitCost());
            ps.setString(10, w.state());
            ps.setString(11, w.claimCode());
            ps.setObject(12, w.claimBy());
            ps.setObject(13, w.wonAt());
            ps.setString(14, w.drawId());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Moves a win from {@code from} to {@code to} if it is still in {@code from} (the guard that
     * gives every state change one owner); answers the win as it was, or nothing when it had moved.
     */
    public Optional<StoredWin> move(Connection c, long winId, String from, String to) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE prize_win SET state = ? WHERE id = ? AND state = ?
                RETURNING id, campaign_id, tier_id, kind, draw_id, serial, msisdn, unit_cost, state, claim_code,
                    claim_by""")) {
            ps.setString(1, to);
            ps.setLong(2, winId);
            ps.setString(3, from);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredWin(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getLong(8), from, rs.getString(10),
                        rs.getObject(11, OffsetDateTime.class)));
            }
        }
    }

    /** A confirmed win may be claimed until {@code claimBy} at least (a win held for review gets its full time). */
    public void extendClaim(Connection c, long winId, OffsetDateTime claimBy) throws SQLException {
        update(c, "UPDATE prize_win SET claim_by = GREATEST(claim_by, ?) WHERE id = ?", claimBy, winId);
    }

    /** Gives a prize back: one unit of stock, the subscriber's count, the cost to the budget. */
    public void giveBack(Connection c, StoredWin w) throws SQLException {
        update(c, "UPDATE prize_stock SET given = given - 1 WHERE campaign_id = ? AND tier_id = ?", w.campaignId(),
                w.tierId());
        update(c, "UPDATE prize_holder SET wins = wins - 1 WHERE campaign_id = ? AND msisdn = ?", w.campaignId(),
                w.msisdn());
        update(c, "UPDATE prize_budget SET spent = spent - ? WHERE campaign_id = ?", w.unitCost(), w.campaignId());
    }

    /** Confirmed wins (of one campaign, or all when null) whose claim time ended before {@code now}, oldest first. */
    public List<Long> unclaimed(Connection c, String campaignId, OffsetDateTime now, int limit) throws SQLException {
        List<Long> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id FROM prize_win WHERE state = 'confirmed' AND claim_by < ?
                  AND (?::text IS NULL OR campaign_id = ?) ORDER BY claim_by LIMIT ?""")) {
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

    /** The holder count a subscriber has reached (0 when none). */
    public Optional<Integer> holderWins(Connection c, String campaignId, String msisdn) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT wins FROM prize_holder WHERE campaign_id = ? AND msisdn = ?")) {
            ps.setString(1, campaignId);
            ps.setString(2, msisdn);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getInt(1)) : Optional.empty();
            }
        }
    }

    private static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }
}
