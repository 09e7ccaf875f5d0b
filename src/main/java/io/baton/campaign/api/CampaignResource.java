package io.baton.campaign.api;

import java.time.Clock;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.baton.campaign.CampaignRegistry;
import io.baton.campaign.domain.InvalidCampaignException;
import io.baton.http.ProblemException;
import io.baton.http.ProblemType;

/** Campaigns: read by anyone, replaced by admins with a YAML document. */
@Path("/api/v1/campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    private final CampaignRegistry registry;
    private final Clock clock;

    public CampaignResource(CampaignRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @GET
    public List<CampaignView> list() {
        return registry.all().stream().map(l -> CampaignView.of(l, clock)).toList();
    }

    @GET
    @Path("{id}")
    public CampaignView get(@PathParam("id") String id) {
        return registry.findLive(id).map(l -> CampaignView.of(l, clock))
                .orElseThrow(() -> unknown(id));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed("admin")
    @Consumes({ "application/yaml", "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN })
    public Response put(@PathParam("id") String id, String yaml) {
        boolean existed = registry.findLive(id).isPresent();
        try {
            CampaignRegistry.Live l = registry.put(id, yaml);
            return Response.status(existed ? 200 : 201).entity(CampaignView.of(l, clock)).build();
        } catch (InvalidCampaignException e) {
            throw new ProblemException(ProblemType.INVALID_CAMPAIGN,
                    e.errors().size() + " error(s) in the campaign document", e.errors());
        } catch (CampaignRegistry.SeedConflictException e) {
            throw new ProblemException(ProblemType.CONFLICT, e.getMessage());
        }
    }

    public static ProblemException unknown(String id) {
        return new ProblemException(ProblemType.NOT_FOUND, "no campaign " + id);
    }
}
