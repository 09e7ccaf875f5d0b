package io.baton.audit.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.baton.db.Transactions;

/** {@code admin_audit}: written in the transaction of the action it records, so neither exists without the other. */
@ApplicationScoped
public class AuditLog {

    public record Entry(long id, String campaign, String actor, String action, String subject, String detail,
            OffsetDateTime at) {
    }

    private final Transactions tx;

    public AuditLog(Transactions tx) {
        this.tx = tx;
    }

    public void record(Connection c, String campaignId, String actor, String action, String subject, String detail)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO admin_audit (campaign_id, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, campaignId);
            ps.setString(2, actor);
            ps.setString(3, action);
            ps.setString(4, subject);
            ps.setString(5, detail);
            ps.executeUpdate();
        }
    }

    /** The newest first, at most {@code limit}. */
    public List<Entry> of(String campaignId, int limit) {
        return tx.read(c -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, campaign_id, actor, action, subject, detail, at FROM admin_audit
                    WHERE campaign_id = ? ORDER BY id DESC LIMIT ?""")) {
                ps.setString(1, campaignId);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class)));
                    }
                }
            }
            return out;
        });
    }
}
