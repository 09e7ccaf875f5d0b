package io.baton.report.api;

import java.sql.PreparedStatement;
import java.sql.ResultSet;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.baton.campaign.CampaignRegistry;
import io.baton.campaign.api.CampaignResource;
import io.baton.crediting.domain.RejectionReason;
import io.baton.db.Transactions;

/** {@code GET /api/v1/campaigns/{id}/stats}: the campaign's figures, straight from PostgreSQL. */
@Path("/api/v1/campaigns/{id}/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    public record Stats(long forwards, long participants, double forwardsPerParticipant, long seedsSent,
            long submitsRecognised, long duplicatesIgnored, long serialsIssued, long maxDepth, long submitsAmbiguous) {
    }

    private final Transactions tx;
    private final CampaignRegistry campaigns;

    public StatsResource(Transactions tx, CampaignRegistry campaigns) {
        this.tx = tx;
        this.campaigns = campaigns;
    }

    @GET
    public Stats stats(@PathParam("id") String id) {
        if (campaigns.find(id).isEmpty()) {
            throw CampaignResource.unknown(id);
        }
        String[] duplicates = java.util.Arrays.stream(RejectionReason.values()).filter(RejectionReason::isDuplicate)
                .map(Enum::name).toArray(String[]::new);
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
                    long forwards = rs.getLong(1);
                    long participants = rs.getLong(2);
                    double ratio = participants == 0 ? 0 : Math.round(forwards * 100.0 / participants) / 100.0;
                    return new Stats(forwards, participants, ratio, rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), rs.getLong(7), rs.getLong(8));
                }
            }
        });
    }
}
