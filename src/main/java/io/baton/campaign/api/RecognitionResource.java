package io.baton.campaign.api;

import java.time.OffsetDateTime;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.baton.campaign.CampaignRegistry;
import io.baton.http.Params;
import io.baton.recognition.store.RecognitionHistory;
import io.baton.recognition.store.RecognitionHistory.RecipientOutcome;

/**
 * {@code GET /api/v1/campaigns/{id}/recognitions?msisdn=}: why a subscriber's forwards were or
 * were not credited. Each submit the subscriber made that Baton recognised, or nearly recognised,
 * with the evidence (signals, scores, near misses) and, per recipient, the outcome: credited with
 * its serial, rejected with the rule that refused it, or waiting for the delivery report.
 */
@Path("/api/v1/campaigns/{id}/recognitions")
@Produces(MediaType.APPLICATION_JSON)
public class RecognitionResource {

    public record SubmitView(String messageId, OffsetDateTime submittedAt, String mmsc, boolean recognised,
            double confidence, JsonNode evidence, List<RecipientOutcome> recipients) {
    }

    private final RecognitionHistory history;
    private final CampaignRegistry campaigns;
    private final ObjectMapper json;

    public RecognitionResource(RecognitionHistory history, CampaignRegistry campaigns, ObjectMapper json) {
        this.history = history;
        this.campaigns = campaigns;
        this.json = json;
    }

    @GET
    @RolesAllowed({ "admin", "viewer" })
    public List<SubmitView> of(@PathParam("id") String id, @QueryParam("msisdn") String msisdn) {
        if (campaigns.find(id).isEmpty()) {
            throw CampaignResource.unknown(id);
        }
        String sender = Params.msisdn("msisdn", msisdn);
        return history.of(id, sender).stream().map(r -> new SubmitView(r.messageId(), r.submittedAt(), r.mmsc(),
                r.recognised(), r.confidence(), tree(r.evidence()), r.recipients())).toList();
    }

    private JsonNode tree(String evidence) {
        try {
            return json.readTree(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored evidence is not JSON", e);
        }
    }
}
