package io.baton.prize.api;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.baton.campaign.CampaignRegistry;
import io.baton.campaign.api.CampaignResource;
import io.baton.campaign.domain.Campaign;
import io.baton.campaign.domain.PrizeRules;
import io.baton.common.Msisdn;
import io.baton.http.Params;
import io.baton.prize.store.PrizeFigures;

/**
 * {@code GET /api/v1/campaigns/{id}/prizes} (public): budget, spent, reserved, every tier's stock
 * and the pacing plan against what was given, by day and region. {@code GET .../wins?msisdn=}
 * (admin): one subscriber's wins with their states.
 */
@Path("/api/v1/campaigns/{id}")
@Produces(MediaType.APPLICATION_JSON)
public class PrizeResource {

    public record TierView(String id, String name, long unitCost, int quantity, int given, int remaining) {
    }

    public record PlanView(LocalDate day, String region, String tier, Integer planned, int given) {
    }

    /**
     * {@code reserved}: the cost of the prizes scheduled draws still hold back (their winners not
     * drawn yet), which instant and milestone wins cannot take.
     */
    public record PrizesView(long budget, String currency, long spent, long reserved, List<TierView> tiers,
            List<PlanView> plan) {
    }

    public record WinsView(String msisdn, List<PrizeFigures.WinView> wins) {
    }

    private final CampaignRegistry campaigns;
    private final PrizeFigures figures;

    public PrizeResource(CampaignRegistry campaigns, PrizeFigures figures) {
        this.campaigns = campaigns;
        this.figures = figures;
    }

    @GET
    @Path("prizes")
    public PrizesView prizes(@PathParam("id") String id) {
        Campaign campaign = campaigns.find(id).orElseThrow(() -> CampaignResource.unknown(id));
        if (campaign.prizes().isEmpty()) {
            return new PrizesView(0, null, 0, 0, List.of(), List.of()); // a campaign without prizes: nothing to give
        }
        PrizeRules rules = campaign.prizes().get();
        List<PrizeFigures.Stock> stock = figures.stock(id);
        List<TierView> tiers = new ArrayList<>();
        long reserved = 0;
        for (PrizeRules.Tier t : rules.tiers()) {
            PrizeFigures.Stock s = stock.stream().filter(x -> x.tierId().equals(t.id())).findFirst()
                    .orElse(new PrizeFigures.Stock(t.id(), t.unitCost(), t.quantity(), 0, 0));
            int quantity = Math.max(t.quantity(), s.quantity());
            tiers.add(new TierView(t.id(), t.name(), t.unitCost(), quantity, s.given(), quantity - s.given()));
            int drawWinners = rules.draws().stream().filter(d -> d.tier().equals(t.id()))
                    .mapToInt(PrizeRules.Draw::winners).sum();
            reserved += (long) Math.max(0, drawWinners - s.drawn()) * t.unitCost();
        }
        List<PlanView> plan = new ArrayList<>();
        for (PrizeFigures.PlanCell p : figures.plan(id)) {
            plan.add(new PlanView(p.day(), p.region(), p.tier(), p.planned(), p.given()));
        }
        // what was given outside a pacing plan (milestones, draws, unpaced instant wins), by day and region
        for (PrizeFigures.Given g : figures.givenByDayAndRegion(id)) {
            boolean paced = rules.instant().stream().anyMatch(
                    i -> i.tier().equals(g.tier()) && i.pacing() == PrizeRules.Pacing.EVEN);
            if (!paced) {
                plan.add(new PlanView(g.day(), g.region(), g.tier(), null, g.count()));
            }
        }
        return new PrizesView(rules.budget(), rules.currency(), figures.spent(id), reserved, tiers, plan);
    }

    @GET
    @Path("wins")
    @RolesAllowed("admin")
    public WinsView wins(@PathParam("id") String id, @QueryParam("msisdn") String msisdn) {
        rules(id);
        String digits = Params.msisdn("msisdn", msisdn);
        return new WinsView(Msisdn.mask(digits), figures.wins(id, digits));
    }

    private PrizeRules rules(String id) {
        Campaign c = campaigns.find(id).orElseThrow(() -> CampaignResource.unknown(id));
        return c.prizes().orElseThrow(() -> CampaignResource.unknown(id));
    }
}
