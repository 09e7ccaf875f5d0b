package io.baton.report.api;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.baton.campaign.CampaignRegistry;
import io.baton.campaign.api.CampaignResource;
import io.baton.campaign.domain.Campaign;
import io.baton.prize.RecentWins;
import io.baton.prize.store.PrizeFigures;
import io.baton.crediting.domain.RejectionReason;
import io.baton.report.store.CampaignFigures;

/** {@code GET /api/v1/campaigns/{id}/stats}: the campaign's figures, straight from PostgreSQL. */
@Path("/api/v1/campaigns/{id}/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    public record Stats(long forwards, long participants, double forwardsPerParticipant, long seedsSent,
            long submitsRecognised, long duplicatesIgnored, long serialsIssued, long maxDepth, long submitsAmbiguous,
            long prizesGiven, long prizesClaimed, List<RecentWins.WinEvent> recentWins) {
    }

    private final CampaignFigures figures;
    private final CampaignRegistry campaigns;
    private final RecentWins wins;

    public StatsResource(CampaignFigures figures, CampaignRegistry campaigns, RecentWins wins) {
        this.figures = figures;
        this.campaigns = campaigns;
        this.wins = wins;
    }

    @GET
    public Stats stats(@PathParam("id") String id) {
        Campaign campaign = campaigns.find(id).orElseThrow(() -> CampaignResource.unknown(id));
        String[] duplicates = java.util.Arrays.stream(RejectionReason.values()).filter(RejectionReason::isDuplicate)
                .map(Enum::name).toArray(String[]::new);
        CampaignFigures.Figures f = figures.of(id, duplicates);
        PrizeFigures.Counts prizes = wins.counts(campaign);
        double ratio = f.participants() == 0 ? 0 : Math.round(f.forwards() * 100.0 / f.participants()) / 100.0;
        return new Stats(f.forwards(), f.participants(), ratio, f.seedsSent(), f.submitsRecognised(),
                f.duplicatesIgnored(), f.serialsIssued(), f.maxDepth(), f.submitsAmbiguous(),
                prizes.given(), prizes.claimed(), wins.newest(campaign));
    }
}
