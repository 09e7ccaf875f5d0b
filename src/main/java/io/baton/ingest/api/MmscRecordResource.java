package io.baton.ingest.api;

import java.time.Clock;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.baton.http.ClientAuthenticator;
import io.baton.http.ProblemException;
import io.baton.http.ProblemMappers;
import io.baton.http.ProblemType;
import io.baton.ingest.IngestConfig;
import io.baton.ingest.MmscEventBatch;
import io.smallrye.common.annotation.Blocking;

/**
 * {@code POST /api/v1/mmsc/records}: one record as an MMSC keeps it, pushed as it happens, without
 * a JSON wrapper: an MM4 message ({@code message/rfc822}) or a binary PDU
 * ({@code application/vnd.wap.mms-message}). Same bearer auth and durability as the batch
 * endpoint; a record that cannot be used is a 400 problem naming the header or field.
 */
@Path("/api/v1/mmsc/records")
public class MmscRecordResource {

    public static final String RFC822 = "message/rfc822";
    public static final String MMS_PDU = "application/vnd.wap.mms-message";

    private final ClientAuthenticator clients;
    private final EventIntake intake;
    private final ObjectMapper json;
    private final IngestConfig config;
    private final Clock clock;

    public MmscRecordResource(ClientAuthenticator clients, EventIntake intake, ObjectMapper json, IngestConfig config,
            Clock clock) {
        this.clients = clients;
        this.intake = intake;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    /**
     * @param mmsc      the MMSC to record it under (default: the authenticated client)
     * @param messageId the message id of an m-send-req, which carries none
     * @param from      the sender of an m-send-req whose From is the insert-address token
     */
    @POST
    @Blocking
    @Consumes({ RFC822, MMS_PDU })
    @Produces({ MediaType.APPLICATION_JSON, ProblemMappers.PROBLEM_JSON })
    public Response ingest(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @QueryParam("mmsc") String mmsc,
            @QueryParam("messageId") String messageId, @QueryParam("from") String from, byte[] body) {
        String client = clients.authenticate(authorization);
        if (body == null || body.length == 0) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "empty body: expected one MM4 message or MMS PDU");
        }
        if (body.length > config.maxRecordBytes()) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE,
                    "a record holds at most " + config.maxRecordBytes() + " bytes, this one " + body.length);
        }
        boolean mm4 = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith(RFC822);
        MmscEventBatch batch = MmscEventBatch.readRecord(new MmscEventBatch.RawRecord(mm4, body, mmsc, messageId, from),
                client, json, config.maxEventBytes(), clock.instant());
        if (!batch.rejected().isEmpty()) {
            intake.publish(client, batch, 1, "records"); // counts and logs the rejection; nothing to publish
            throw new ProblemException(ProblemType.INVALID_REQUEST, batch.rejected().get(0).error());
        }
        return intake.publish(client, batch, 1, "records");
    }
}
