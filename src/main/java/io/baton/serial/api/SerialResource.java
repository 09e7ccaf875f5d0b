package io.baton.serial.api;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
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
import io.baton.db.Transactions;
import io.baton.http.Params;

/** {@code GET /api/v1/campaigns/{id}/serials?msisdn=}: a subscriber's serials, for admins and viewers. */
@Path("/api/v1/campaigns/{id}/serials")
@Produces(MediaType.APPLICATION_JSON)
public class SerialResource {

    public record SerialView(String serial, String msisdn, String recipient, String messageId, String region,
            int depth, OffsetDateTime issuedAt) {
    }

    private final Transactions tx;
    private final CampaignRegistry campaigns;

    public SerialResource(Transactions tx, CampaignRegistry campaigns) {
        this.tx = tx;
        this.campaigns = campaigns;
    }

    @GET
    @RolesAllowed({ "admin", "viewer" })
    public List<SerialView> of(@PathParam("id") String id, @QueryParam("msisdn") String msisdn) {
        if (campaigns.find(id).isEmpty()) {
            throw CampaignResource.unknown(id);
        }
        String digits = Params.msisdn("msisdn", msisdn);
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
