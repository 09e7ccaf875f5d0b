package io.baton.serial.api;

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
import io.baton.http.Params;
import io.baton.serial.store.SerialStore;
import io.baton.serial.store.SerialStore.SerialView;

/** {@code GET /api/v1/campaigns/{id}/serials?msisdn=}: a subscriber's serials, for admins and viewers. */
@Path("/api/v1/campaigns/{id}/serials")
@Produces(MediaType.APPLICATION_JSON)
public class SerialResource {

    private final SerialStore serials;
    private final CampaignRegistry campaigns;

    public SerialResource(SerialStore serials, CampaignRegistry campaigns) {
        this.serials = serials;
        this.campaigns = campaigns;
    }

    @GET
    @RolesAllowed({ "admin", "viewer" })
    public List<SerialView> of(@PathParam("id") String id, @QueryParam("msisdn") String msisdn) {
        if (campaigns.find(id).isEmpty()) {
            throw CampaignResource.unknown(id);
        }
        String digits = Params.msisdn("msisdn", msisdn);
        return serials.of(id, digits);
    }
}
