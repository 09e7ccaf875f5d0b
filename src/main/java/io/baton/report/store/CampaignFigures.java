package io.baton.report.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

import jakarta.enterprise.context.ApplicationScoped;

import io.baton.db.Transactions;

/** A campaign's totals, counted in PostgreSQL at the moment of asking. */
@ApplicationScoped
public class CampaignFigures {

    /** The counts; {@code duplicatesIgnored} counts the rejections whose reason is one of the duplicates given. */
    public record Figures(long forwards, long participants, long seedsSent, long submitsRecognised,
            long duplicatesIgnored, long serialsIssued, long maxDepth, long submitsAmbiguous) {
    }

    private final Transactions tx;

    public CampaignFigures(Transactions tx) {
        this.tx = tx;
    }

    public Figures of(String id, String[] duplicates) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT (SELECT count(*) FROM forward WHERE campaign_id = ?),
                           (SELECT count(DISTINCT sender) FROM forward WHERE campaign_id = ?),
                           (SELECT count(*) FROM seed_send WHERE campaign_id = ?),
                           (SELECT count(*) FROM submit WHERE campaign_id = ?),
                           (SELECT count(*) FROM credit_rejection WHERE campaign_id = ? AND reason = ANY(?)),
                           (SELECT count(*) FROM serial WHERE campaign_id = ?),
                           (SELECT coalesce(max(depth), 0) FROM forward WHERE campaign_id = ?),
                           (SELECT count(*) FROM recognition_miss
                            WHERE reason = 'ambiguous' AND (campaign_id = ? OR ? = ANY(ambiguous_with)))""")) {
                for (int i : new int[] { 1, 2, 3, 4, 5, 7, 8, 9, 10 }) {
                    ps.setString(i, id);
                }
                ps.setArray(6, c.createArrayOf("text", duplicates));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return new Figures(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), rs.getLong(7), rs.getLong(8));
                }
            }
        });
    }
}
