package io.baton.report.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.baton.campaign.CampaignRegistry;
import io.baton.campaign.api.CampaignResource;
import io.baton.crediting.domain.RejectionReason;
import io.baton.report.store.CampaignFigures;

/** {@code GET /api/v1/campaigns/{id}/stats}: the campaign's figures, straight from PostgreSQL. */
@Path("/api/v1/campaigns/{id}/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    public record Stats(long forwards, long participants, double forwardsPerParticipant, long seedsSent,
            long submitsRecognised, long duplicatesIgnored, long serialsIssued, long maxDepth, long submitsAmbiguous) {
    }

    private final CampaignFigures figures;
    private final CampaignRegistry campaigns;

    public StatsResource(CampaignFigures figures, CampaignRegistry campaigns) {
        this.figures = figures;
        this.campaigns = campaigns;
    }

    @GET
    public Stats stats(@PathParam("id") String id) {
        if (campaigns.find(id).isEmpty()) {
            throw CampaignResource.unknown(id);
        }
        String[] duplicates = java.util.Arrays.stream(RejectionReason.values()).filter(RejectionReason::isDuplicate)
                .map(Enum::name).toArray(String[]::new);
        CampaignFigures.Figures f = figures.of(id, duplicates);
        double ratio = f.participants() == 0 ? 0 : Math.round(f.forwards() * 100.0 / f.participants()) / 100.0;
        return new Stats(f.forwards(), f.participants(), ratio, f.seedsSent(), f.submitsRecognised(),
                f.duplicatesIgnored(), f.serialsIssued(), f.maxDepth(), f.submitsAmbiguous());
    }
}
