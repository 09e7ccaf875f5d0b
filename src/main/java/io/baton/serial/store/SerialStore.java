package io.baton.serial.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.baton.db.Transactions;

/** Issued serials, read by subscriber. */
@ApplicationScoped
public class SerialStore {

    /** A serial with the forward that earned it. */
    public record SerialView(String serial, String msisdn, String recipient, String messageId, String region,
            int depth, OffsetDateTime issuedAt) {
    }

    private final Transactions tx;

    public SerialStore(Transactions tx) {
        this.tx = tx;
    }

    /** The subscriber's serials in the campaign, in issue order. */
    public List<SerialView> of(String id, String digits) {
        return tx.read(c -> {
            List<SerialView> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT s.serial, s.msisdn, f.recipient, f.message_id, f.region, f.depth, s.issued_at
                    FROM serial s JOIN forward f ON f.id = s.forward_id
                    WHERE s.campaign_id = ? AND s.msisdn = ? ORDER BY s.sequence""")) {
                ps.setString(1, id);
                ps.setString(2, digits);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new SerialView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                                rs.getString(5), rs.getInt(6), rs.getObject(7, OffsetDateTime.class)));
                    }
                }
            }
            return out;
        });
    }
}
