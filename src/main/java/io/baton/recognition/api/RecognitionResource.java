package io.baton.recognition.api;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
import io.baton.campaign.api.CampaignResource;
import io.baton.db.SqlArrays;
import io.baton.db.Transactions;
import io.baton.http.Params;

/**
 * {@code GET /api/v1/campaigns/{id}/recognitions?msisdn=}: why a subscriber's forwards were or
 * were not credited. Each submit the subscriber made that Baton recognised, or nearly recognised,
 * with the evidence (signals, scores, near misses) and, per recipient, the outcome: credited with
 * its serial, rejected with the rule that refused it, or waiting for the delivery report.
 */
@Path("/api/v1/campaigns/{id}/recognitions")
@Produces(MediaType.APPLICATION_JSON)
public class RecognitionResource {

    public record RecipientOutcome(String recipient, String outcome, String serial, String reason) {
    }

    public record SubmitView(String messageId, OffsetDateTime submittedAt, String mmsc, boolean recognised,
            double confidence, JsonNode evidence, List<RecipientOutcome> recipients) {
    }

    private final Transactions tx;
    private final CampaignRegistry campaigns;
    private final ObjectMapper json;

    public RecognitionResource(Transactions tx, CampaignRegistry campaigns, ObjectMapper json) {
        this.tx = tx;
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
        return tx.read(c -> {
            Map<String, List<RecipientOutcome>> outcomes = new LinkedHashMap<>();
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT message_id, submitted_at, mmsc, true, confidence, evidence::text FROM submit
                    WHERE campaign_id = ? AND sender = ?
                    UNION ALL
                    SELECT message_id, submitted_at, mmsc, false, 0, evidence::text FROM recognition_miss
                    WHERE campaign_id = ? AND sender = ?
                    ORDER BY 2, 1 LIMIT 1000""")) {
                ps.setString(1, id);
                ps.setString(2, sender);
                ps.setString(3, id);
                ps.setString(4, sender);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Object[] { rs.getString(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                            rs.getBoolean(4), rs.getDouble(5), rs.getString(6) });
                        outcomes.put(rs.getString(1), new ArrayList<>());
                    }
                }
            }
            recipients(c, outcomes);
            List<SubmitView> out = new ArrayList<>();
            for (Object[] r : rows) {
                out.add(new SubmitView((String) r[0], (OffsetDateTime) r[1], (String) r[2], (Boolean) r[3],
                        (Double) r[4], tree((String) r[5]), outcomes.get((String) r[0])));
            }
            return out;
        });
    }

    /** Per recipient of the recognised submits: credited (serial), rejected (reason) or awaiting its report. */
    private static void recipients(Connection c, Map<String, List<RecipientOutcome>> outcomes) throws SQLException {
        if (outcomes.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT sr.message_id, sr.recipient, s.serial, r.reason,
                       (SELECT string_agg(d.status, ',' ORDER BY d.delivered_at) FROM delivery d
                        WHERE d.message_id = sr.message_id AND d.recipient = sr.recipient)
                FROM submit_recipient sr
                LEFT JOIN forward f ON f.message_id = sr.message_id AND f.recipient = sr.recipient
                LEFT JOIN serial s ON s.forward_id = f.id
                LEFT JOIN credit_rejection r ON r.message_id = sr.message_id AND r.recipient = sr.recipient
                WHERE sr.message_id = ANY(?::text[])
                ORDER BY sr.message_id, sr.recipient""")) {
            ps.setArray(1, SqlArrays.column(c, new ArrayList<>(outcomes.keySet()), m -> m));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String serial = rs.getString(3);
                    String rejected = rs.getString(4);
                    String statuses = rs.getString(5);
                    String outcome = serial != null ? "credited" : rejected != null ? "rejected" : "awaiting-delivery";
                    String reason = serial != null ? null : rejected != null ? rejected
                            : statuses == null ? "no delivery report yet" : "delivery status so far: " + statuses;
                    outcomes.get(rs.getString(1)).add(new RecipientOutcome(rs.getString(2), outcome, serial, reason));
                }
            }
        }
    }

    private JsonNode tree(String evidence) {
        try {
            return json.readTree(evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored evidence is not JSON", e);
        }
    }
}
