package io.baton.prize.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.baton.db.SqlArrays;
import io.baton.db.Transactions;

/**
 * What the anti-abuse rules read from the relay graph ({@code forward}), and the decisions they
 * record. Only a would-be winner is looked at, so none of this is on the path of every credit.
 */
@ApplicationScoped
public class AbuseStore {

    /** An anti-abuse decision as recorded. */
    public record Decision(long id, String campaign, String msisdn, String serial, String rule, String action,
            String reason, OffsetDateTime at) {
    }

    /**
     * A sender's group: the sender and its recipients ({@code size}), the credited forwards inside
     * it, and those that cross its edge (either way); {@code size} is past the bound when the
     * sender reached more numbers than a ring may have.
     */
    public record Group(int size, int inside, int crossing) {
    }

    private final Transactions tx;

    public AbuseStore(Transactions tx) {
        this.tx = tx;
    }

    /** Credited forwards by {@code sender} with an event time in (from, to]. */
    public int sentWithin(Connection c, String campaignId, String sender, OffsetDateTime from, OffsetDateTime to)
            throws SQLException {
        return count(c, """
                SELECT count(*) FROM forward WHERE campaign_id = ? AND sender = ? AND credited_at > ?
                    AND credited_at <= ?""", campaignId, sender, from, to);
    }

    /** Credited forwards to {@code recipient} with an event time in (from, to]. */
    public int receivedWithin(Connection c, String campaignId, String recipient, OffsetDateTime from,
            OffsetDateTime to) throws SQLException {
        return count(c, """
                SELECT count(*) FROM forward WHERE campaign_id = ? AND recipient = ? AND credited_at > ?
                    AND credited_at <= ?""", campaignId, recipient, from, to);
    }

    /** The recipient of the forward that earned {@code serial}. */
    public Optional<String> recipientOf(Connection c, String serial) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT f.recipient FROM serial s JOIN forward f ON f.id = s.forward_id WHERE s.serial = ?")) {
            ps.setString(1, serial);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /** {@code sender}'s group as of {@code at} (event time), looked at no further than {@code maxSize} numbers. */
    public Group group(Connection c, String campaignId, String sender, int maxSize, OffsetDateTime at)
            throws SQLException {
        Set<String> members = new HashSet<>();
        members.add(sender);
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT DISTINCT recipient FROM forward WHERE campaign_id = ? AND sender = ? AND credited_at <= ?
                LIMIT ?""")) {
            ps.setString(1, campaignId);
            ps.setString(2, sender);
            ps.setObject(3, at);
            ps.setInt(4, maxSize);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    members.add(rs.getString(1));
                }
            }
        }
        if (members.size() > maxSize) {
            return new Group(members.size(), 0, 0);
        }
        int inside = 0;
        int crossing = 0;
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT sender, recipient FROM forward
                WHERE campaign_id = ? AND (sender = ANY (?::text[]) OR recipient = ANY (?::text[]))
                  AND credited_at <= ? LIMIT 10000""")) {
            List<String> list = new ArrayList<>(members);
            ps.setString(1, campaignId);
            ps.setArray(2, SqlArrays.column(c, list, s -> s));
            ps.setArray(3, SqlArrays.column(c, list, s -> s));
            ps.setObject(4, at);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (members.contains(rs.getString(1)) && members.contains(rs.getString(2))) {
                        inside++;
                    } else {
                        crossing++;
                    }
                }
            }
        }
        return new Group(members.size(), inside, crossing);
    }

    /**
     * Numbers in [low, high) whose first credited forward has an event time in (from, to]: the
     * senders new to the campaign in one number range.
     */
    public int newSendersWithin(Connection c, String campaignId, String low, String high, OffsetDateTime from,
            OffsetDateTime to) throws SQLException {
        return count(c, """
                SELECT count(*) FROM (SELECT sender FROM forward
                                      WHERE campaign_id = ? AND sender >= ? AND sender < ?
                                      GROUP BY sender HAVING min(credited_at) > ? AND min(credited_at) <= ?) t""",
                campaignId, low, high, from, to);
    }

    public void record(Connection c, String campaignId, String msisdn, String serial, String rule, String action,
            String reason) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("""
                INSERT INTO abuse_decision (campaign_id, msisdn, serial, rule, action, reason)
                VALUES (?, ?, ?, ?, ?, ?)""")) {
            ps.setString(1, campaignId);
            ps.setString(2, msisdn);
            ps.setString(3, serial);
            ps.setString(4, rule);
            ps.setString(5, action);
            ps.setString(6, reason);
            ps.executeUpdate();
        }
    }

    /** The campaign's decisions, newest first. */
    public List<Decision> decisions(String campaignId, int limit) {
        return tx.read(c -> {
            List<Decision> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, campaign_id, msisdn, serial, rule, action, reason, at FROM abuse_decision
                    WHERE campaign_id = ? ORDER BY id DESC LIMIT ?""")) {
                ps.setString(1, campaignId);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Decision(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getString(7), rs.getObject(8, OffsetDateTime.class)));
                    }
                }
            }
            return out;
        });
    }

    private static int count(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
