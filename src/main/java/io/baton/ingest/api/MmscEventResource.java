package io.baton.ingest.api;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.baton.http.ClientAuthenticator;
import io.baton.http.LimitedInputStream;
import io.baton.http.ProblemException;
import io.baton.http.ProblemMappers;
import io.baton.http.RateLimits;
import io.baton.http.RequestGate;
import io.baton.http.ProblemType;
import io.baton.ingest.IngestConfig;
import io.baton.ingest.MmscEventBatch;
import io.smallrye.common.annotation.Blocking;

/**
 * MMSC records in, durably on Kafka before we answer 202: {@code POST /api/v1/mmsc/events} takes
 * batches of JSON events; {@code POST /api/v1/mmsc/records} takes one record as an MMSC keeps it,
 * pushed as it happens, without a JSON wrapper: an MM4 message ({@code message/rfc822}) or a binary
 * PDU ({@code application/vnd.wap.mms-message}); a record that cannot be used is a 400 problem
 * naming the header or field.
 */
@Path("/api/v1/mmsc")
public class MmscEventResource {

    public static final String NDJSON = "application/x-ndjson";
    public static final String RFC822 = "message/rfc822";
    public static final String MMS_PDU = "application/vnd.wap.mms-message";

    private final ClientAuthenticator clients;
    private final EventIntake intake;
    private final ObjectMapper json;
    private final IngestConfig config;
    private final Clock clock;
    private final RateLimits limits;

    public MmscEventResource(ClientAuthenticator clients, EventIntake intake, ObjectMapper json, IngestConfig config,
            Clock clock, RateLimits limits) {
        this.limits = limits;
        this.clients = clients;
        this.intake = intake;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    @POST
    @Path("events")
    @Blocking
    @Consumes({ MediaType.APPLICATION_JSON, NDJSON, MediaType.TEXT_PLAIN })
    @Produces({ MediaType.APPLICATION_JSON, ProblemMappers.PROBLEM_JSON })
    public Response ingest(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream stream) {
        String client = clients.authenticate(authorization); // checked before the body too (IngestGate)
        InputStream body = new LimitedInputStream(stream == null ? InputStream.nullInputStream() : stream,
                config.maxBatchBytes(), "a batch");
        List<JsonNode> elements = contentType != null && contentType.startsWith(NDJSON)
                ? ndjson(body)
                : jsonArray(body);
        RequestGate.Refusal tooFast = limits.ingestEvents(client, elements.size());
        if (tooFast != null) {
            Response.ResponseBuilder r = Response.status(tooFast.status()).type(tooFast.contentType())
                    .entity(tooFast.body());
            tooFast.headers().forEach(r::header);
            return r.build();
        }
        MmscEventBatch batch = MmscEventBatch.read(elements, client, json, config.maxEventBytes(), clock.instant());
        return intake.publish(client, batch, elements.size(), "events");
    }

    /**
     * @param mmsc      the MMSC to record it under (default: the authenticated client)
     * @param messageId the message id of an m-send-req, which carries none
     * @param from      the sender of an m-send-req whose From is the insert-address token
     */
    @POST
    @Path("records")
    @Blocking
    @Consumes({ RFC822, MMS_PDU })
    @Produces({ MediaType.APPLICATION_JSON, ProblemMappers.PROBLEM_JSON })
    public Response ingestRecord(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @QueryParam("mmsc") String mmsc,
            @QueryParam("messageId") String messageId, @QueryParam("from") String from, InputStream stream) {
        String client = clients.authenticate(authorization); // checked before the body too (IngestGate)
        byte[] body = LimitedInputStream.readAll(stream, config.maxRecordBytes(), "a record");
        if (body.length == 0) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "empty body: expected one MM4 message or MMS PDU");
        }
        boolean mm4 = contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(RFC822);
        MmscEventBatch batch = MmscEventBatch.readRecord(new MmscEventBatch.RawRecord(mm4, body, mmsc, messageId, from),
                client, json, config.maxEventBytes(), clock.instant());
        if (!batch.rejected().isEmpty()) {
            intake.count(client, batch, 1, "records");
            throw new ProblemException(ProblemType.INVALID_REQUEST, batch.rejected().get(0).error());
        }
        return intake.publish(client, batch, 1, "records");
    }

    private List<JsonNode> jsonArray(InputStream body) {
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

    private List<JsonNode> ndjson(InputStream body) {
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
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
        } catch (IOException e) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "unreadable body");
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
