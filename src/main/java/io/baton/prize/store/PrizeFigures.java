package io.baton.prize.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.baton.db.Transactions;

/** What the prize tables say, for the read APIs: stock, budget, the pacing plan, a subscriber's wins. */
@ApplicationScoped
public class PrizeFigures {

    public record Stock(String tierId, long unitCost, int quantity, int given, int drawn) {
    }

    public record PlanCell(LocalDate day, String region, String tier, int planned, int given) {
    }

    public record WinView(String serial, String tier, String kind, String rule, String state, String region,
            LocalDate day, OffsetDateTime wonAt, OffsetDateTime claimBy, OffsetDateTime claimedAt) {
    }

    /** Given per day and region per tier, for instant, milestone and draw wins together. */
    public record Given(LocalDate day, String region, String tier, int count) {
    }

    /** A win as the public may see it: confirmed or claimed, the number masked by the caller. */
    public record PublicWin(long id, String tier, String kind, String msisdn, String region, OffsetDateTime wonAt) {
    }

    /** Prizes given (held, confirmed or claimed) and claimed. */
    public record Counts(long given, long claimed) {
    }

    private final Transactions tx;

    public PrizeFigures(Transactions tx) {
        this.tx = tx;
    }

    public List<Stock> stock(String campaignId) {
        return tx.read(c -> {
            Map<String, Integer> drawn = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT tier_id, count(*) FROM prize_win WHERE campaign_id = ? AND kind = 'draw' GROUP BY 1")) {
                ps.setString(1, campaignId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        drawn.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            List<Stock> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT tier_id, unit_cost, quantity, given FROM prize_stock WHERE campaign_id = ? ORDER BY tier_id")) {
                ps.setString(1, campaignId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Stock(rs.getString(1), rs.getLong(2), rs.getInt(3), rs.getInt(4),
                                drawn.getOrDefault(rs.getString(1), 0)));
                    }
                }
            }
            return out;
        });
    }

    /** The budget's spent part (0 before the first win). */
    public long spent(String campaignId) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT spent FROM prize_budget WHERE campaign_id = ?")) {
                ps.setString(1, campaignId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getLong(1) : 0L;
                }
            }
        });
    }

    public List<PlanCell> plan(String campaignId) {
        return tx.read(c -> {
            List<PlanCell> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT day, region, tier_id, planned, given FROM prize_pacing WHERE campaign_id = ?
                    ORDER BY day, tier_id, region""")) {
                ps.setString(1, campaignId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new PlanCell(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
                                rs.getInt(4), rs.getInt(5)));
                    }
                }
            }
            return out;
        });
    }

    public List<Given> givenByDayAndRegion(String campaignId) {
        return tx.read(c -> {
            List<Given> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT day, region, tier_id, count(*) FROM prize_win WHERE campaign_id = ?
                    GROUP BY 1, 2, 3 ORDER BY 1, 3, 2""")) {
                ps.setString(1, campaignId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Given(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getString(3),
                                rs.getInt(4)));
                    }
                }
            }
            return out;
        });
    }

    public List<WinView> wins(String campaignId, String msisdn) {
        return tx.read(c -> {
            List<WinView> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT serial, tier_id, kind, rule, state, region, day, won_at, claim_by, claimed_at
                    FROM prize_win WHERE campaign_id = ? AND msisdn = ? ORDER BY won_at, id""")) {
                ps.setString(1, campaignId);
                ps.setString(2, msisdn);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new WinView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class),
                                rs.getObject(8, OffsetDateTime.class), rs.getObject(9, OffsetDateTime.class),
                                rs.getObject(10, OffsetDateTime.class)));
                    }
                }
            }
            return out;
        });
    }

    /** The newest public wins with an id above {@code afterId}, newest first. */
    public List<PublicWin> recentWins(String campaignId, long afterId, int limit) {
        return tx.read(c -> {
            List<PublicWin> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, tier_id, kind, msisdn, region, won_at FROM prize_win
                    WHERE campaign_id = ? AND id > ? AND state IN ('confirmed', 'claimed')
                    ORDER BY id DESC LIMIT ?""")) {
                ps.setString(1, campaignId);
                ps.setLong(2, afterId);
                ps.setInt(3, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new PublicWin(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getObject(6, OffsetDateTime.class)));
                    }
                }
            }
            return out;
        });
    }

    public Counts counts(String campaignId) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT count(*) FILTER (WHERE state IN ('held', 'confirmed', 'claimed')),
                           count(*) FILTER (WHERE state = 'claimed')
                    FROM prize_win WHERE campaign_id = ?""")) {
                ps.setString(1, campaignId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Counts(rs.getLong(1), rs.getLong(2));
                }
            }
        });
    }
}
