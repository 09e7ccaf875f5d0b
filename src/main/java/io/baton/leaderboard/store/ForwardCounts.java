package io.baton.leaderboard.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.baton.db.Transactions;

/** Credited forwards counted by city and by sender, as of one PostgreSQL snapshot (for rebuilds). */
@ApplicationScoped
public class ForwardCounts {

    /**
     * Which transactions a snapshot sees: every xid below {@code xmin}, and those below
     * {@code xmax} that are not in {@code inProgress} (PostgreSQL's {@code pg_snapshot}).
     */
    public record Snapshot(long xmin, long xmax, List<Long> inProgress) {

        /** Parses {@code pg_current_snapshot()::text}: {@code xmin:xmax:xip,xip,...}. */
        public static Snapshot parse(String text) {
            String[] p = text.split(":", -1);
            if (p.length != 3) {
                throw new IllegalArgumentException("not a pg_snapshot: " + text);
            }
            List<Long> xip = p[2].isEmpty() ? List.of()
                    : java.util.Arrays.stream(p[2].split(",")).map(Long::valueOf).toList();
            return new Snapshot(Long.parseLong(p[0]), Long.parseLong(p[1]), xip);
        }
    }

    /** The counts of both boards and the snapshot they were read in. */
    public record Counts(Snapshot snapshot, Map<String, Long> byRegion, Map<String, Long> bySender) {
    }

    private final Transactions tx;

    public ForwardCounts(Transactions tx) {
        this.tx = tx;
    }

    public Counts read(String campaignId) {
        return tx.inSnapshot(c -> {
            Snapshot snapshot;
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_current_snapshot()::text");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                snapshot = Snapshot.parse(rs.getString(1));
            }
            return new Counts(snapshot, count(c, campaignId, "region"), count(c, campaignId, "sender"));
        });
    }

    private static Map<String, Long> count(Connection c, String campaignId, String column) throws SQLException {
        Map<String, Long> m = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + column + ", count(*) FROM forward WHERE campaign_id = ? GROUP BY " + column)) {
            ps.setString(1, campaignId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    m.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return m;
    }
}
