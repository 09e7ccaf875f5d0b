package io.baton.ingest.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.baton.http.ClientAuthenticator;
import io.baton.http.ProblemException;
import io.baton.http.ProblemMappers;
import io.baton.http.ProblemType;
import io.baton.ingest.IngestConfig;
import io.baton.ingest.MmscEventBatch;
import io.smallrye.common.annotation.Blocking;

/** {@code POST /api/v1/mmsc/events}: MMSC records in, durably on Kafka before we answer 202. */
@Path("/api/v1/mmsc/events")
public class MmscEventResource {

    public static final String NDJSON = "application/x-ndjson";

    private final ClientAuthenticator clients;
    private final EventIntake intake;
    private final ObjectMapper json;
    private final IngestConfig config;
    private final Clock clock;

    public MmscEventResource(ClientAuthenticator clients, EventIntake intake, ObjectMapper json, IngestConfig config,
            Clock clock) {
        this.clients = clients;
        this.intake = intake;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    @POST
    @Blocking
    @Consumes({ MediaType.APPLICATION_JSON, NDJSON, MediaType.TEXT_PLAIN })
    @Produces({ MediaType.APPLICATION_JSON, ProblemMappers.PROBLEM_JSON })
    public Response ingest(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body) {
        String client = clients.authenticate(authorization);
        List<JsonNode> elements = contentType != null && contentType.startsWith(NDJSON)
                ? ndjson(body)
                : jsonArray(body);
        MmscEventBatch batch = MmscEventBatch.read(elements, client, json, config.maxEventBytes(), clock.instant());
        return intake.publish(client, batch, elements.size(), "events");
    }

    private List<JsonNode> jsonArray(byte[] body) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "not valid JSON: " + e.getOriginalMessage()
                    + location(e));
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "unreadable body");
        }
        if (root == null || root.isMissingNode()) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "empty body: expected a JSON array of events");
        }
        List<JsonNode> out = new ArrayList<>();
        if (root.isArray()) {
            checkSize(root.size());
            root.forEach(out::add);
        } else if (root.isObject()) {
            out.add(root);
        } else {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "expected a JSON array of events");
        }
        return out;
    }

    private List<JsonNode> ndjson(byte[] body) {
        String[] lines = new String(body, StandardCharsets.UTF_8).split("\r?\n");
        List<JsonNode> out = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            checkSize(out.size() + 1);
            try {
                out.add(json.readTree(line));
            } catch (JsonProcessingException e) {
                out.add(null); // refused at its index, the other lines go on
            }
        }
        return out;
    }

    private void checkSize(int events) {
        if (events > config.maxBatchEvents()) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                    "a batch holds at most " + config.maxBatchEvents() + " events");
        }
    }

    private static String location(JsonProcessingException e) {
        if (e instanceof JsonParseException && e.getLocation() != null) {
            return " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        }
        return "";
    }
}
