package io.baton.prize.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;

import io.baton.campaign.CampaignRegistry;
import io.baton.campaign.api.CampaignResource;
import io.baton.campaign.domain.Campaign;
import io.baton.http.ProblemException;
import io.baton.http.ProblemType;
import io.baton.prize.PrizeDraws;
import io.baton.prize.domain.draw.DrawReceipt;

/**
 * Draws (ARCHITECTURE 3.6): {@code POST .../close} and {@code POST .../seed} for admins; the
 * receipt and the pool are public, so that anyone can run {@code ./baton verify-draw}.
 */
@Path("/api/v1/campaigns/{id}/draws/{drawId}")
public class DrawResource {

    public record SeedRequest(String seed, String source) {
    }

    private final CampaignRegistry campaigns;
    private final PrizeDraws draws;

    public DrawResource(CampaignRegistry campaigns, PrizeDraws draws) {
        this.campaigns = campaigns;
        this.draws = draws;
    }

    @POST
    @Path("close")
    @RolesAllowed("admin")
    @Produces(MediaType.APPLICATION_JSON)
    public PrizeDraws.Commitment close(@PathParam("id") String id, @PathParam("drawId") String drawId,
            @Context SecurityContext who) {
        return draws.close(campaign(id), drawId, who.getUserPrincipal().getName());
    }

    @POST
    @Path("seed")
    @RolesAllowed("admin")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public DrawReceipt seed(@PathParam("id") String id, @PathParam("drawId") String drawId, SeedRequest body,
            @Context SecurityContext who) {
        if (body == null || body.seed() == null) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "the body must be {\"seed\": \"<hex>\", "
                    + "\"source\": \"<where it came from>\"}");
        }
        return draws.seed(campaign(id), drawId, body.seed(), body.source(), who.getUserPrincipal().getName());
    }

    @GET
    @Path("receipt")
    @Produces(MediaType.APPLICATION_JSON)
    public String receipt(@PathParam("id") String id, @PathParam("drawId") String drawId) {
        return draws.receipt(campaign(id), drawId).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "draw " + drawId + " has no receipt yet: it is drawn when its seed is entered after the close"));
    }

    @GET
    @Path("pool")
    @Produces("text/plain;charset=utf-8")
    public String pool(@PathParam("id") String id, @PathParam("drawId") String drawId) {
        return draws.pool(campaign(id), drawId).orElseThrow(() -> new ProblemException(ProblemType.NOT_FOUND,
                "draw " + drawId + " is not closed yet: its pool is frozen and published at the close"));
    }

    private Campaign campaign(String id) {
        return campaigns.find(id).orElseThrow(() -> CampaignResource.unknown(id));
    }
}
