package io.baton.ingest.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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

import org.jboss.logging.Logger;

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
import io.baton.ingest.MmscEventPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Blocking;

/** {@code POST /api/v1/mmsc/events}: MMSC records in, durably on Kafka before we answer 202. */
@Path("/api/v1/mmsc/events")
public class MmscEventResource {

    public static final String NDJSON = "application/x-ndjson";
    private static final Logger LOG = Logger.getLogger(MmscEventResource.class);

    private final ClientAuthenticator clients;
    private final MmscEventPublisher publisher;
    private final ObjectMapper json;
    private final IngestConfig config;
    private final MeterRegistry metrics;

    public MmscEventResource(ClientAuthenticator clients, MmscEventPublisher publisher, ObjectMapper json,
            IngestConfig config, MeterRegistry metrics) {
        this.clients = clients;
        this.publisher = publisher;
        this.json = json;
        this.config = config;
        this.metrics = metrics;
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
        MmscEventBatch batch = MmscEventBatch.read(elements, client, json, config.maxEventBytes());
        metrics.counter("baton.events.in", "client", client).increment(elements.size());
        metrics.counter("baton.events.rejected", "client", client).increment(batch.rejected().size());
        if (!batch.rejected().isEmpty()) {
            IngestResponse.Rejection first = batch.rejected().get(0);
            LOG.warnf("ingest=rejected client=%s rejected=%d of=%d first_index=%d first_error=\"%s\"", client,
                    batch.rejected().size(), elements.size(), first.index(), first.error());
        }
        try {
            // on a worker thread: wait for acks=all of every record before answering
            publisher.publish(batch.records(), config.publishTimeout());
        } catch (RuntimeException e) {
            LOG.errorf("ingest=kafka-failed client=%s events=%d reason=%s", client, batch.records().size(),
                    e.getMessage());
            return ProblemMappers.response(ProblemType.UNAVAILABLE,
                    "events could not be made durable; post the batch again (re-posting is idempotent)", null);
        }
        return Response.accepted(new IngestResponse(batch.records().size(), batch.rejected()))
                .type(MediaType.APPLICATION_JSON).build();
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
