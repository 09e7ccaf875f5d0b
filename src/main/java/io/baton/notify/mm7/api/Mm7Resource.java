package io.baton.notify.mm7.api;

import java.io.InputStream;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.baton.http.LimitedInputStream;
import io.baton.http.ProblemException;
import io.baton.http.ProblemType;
import io.baton.mms.mm7.Mm7Body;
import io.baton.mms.mm7.Mm7Decoder;
import io.baton.mms.mm7.Mm7Encoder;
import io.baton.mms.mm7.Mm7Exception;
import io.baton.mms.mm7.Mm7Header;
import io.baton.mms.mm7.Mm7Message;
import io.baton.mms.mm7.Mm7Status;
import io.baton.notify.mm7.Mm7Config;
import io.baton.notify.mm7.Mm7Inbound;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.http.HttpServerRequest;

/**
 * {@code POST /mm7}: where MMSCs deliver MO MMS, delivery reports and read replies. The MMSC
 * authenticates with HTTP basic as a configured client (id and token), optionally from an allowed
 * address. Every request gets an MM7 answer: the matching response, or a SOAP Fault whose
 * RSErrorRsp names the problem (HTTP 400 for bad input, 401/403 for authentication, 503 when Baton
 * cannot record it now); never a stack trace.
 */
@Path("/mm7")
public class Mm7Resource {

    private static final Logger LOG = Logger.getLogger("io.baton.notify.mm7");

    private final MmscAuthenticator mmscs;
    private final Mm7Inbound inbound;
    private final Mm7Config config;
    private final MeterRegistry metrics;
    private final Mm7Encoder encoder = new Mm7Encoder();
    private final Mm7Faults faults;

    public Mm7Resource(MmscAuthenticator mmscs, Mm7Inbound inbound, Mm7Config config, MeterRegistry metrics) {
        this.mmscs = mmscs;
        this.inbound = inbound;
        this.config = config;
        this.metrics = metrics;
        this.faults = new Mm7Faults(config);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response receive(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, @Context HttpServerRequest http,
            InputStream stream) {
        String client; // checked before the body too (Mm7Gate); again here, where the client is named
        try {
            client = mmscs.authenticate(authorization, http.remoteAddress() == null ? null
                    : http.remoteAddress().hostAddress());
        } catch (MmscAuthenticator.Refused refused) {
            reject("auth", refused.getMessage());
            Response.ResponseBuilder r = fault(refused.httpStatus(), null,
                    new Mm7Status(Mm7Status.IMPROPER_IDENTIFICATION, refused.getMessage()));
            if (refused.httpStatus() == 401) {
                r.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"mm7\"");
            }
            return r.build();
        }
        byte[] body;
        try {
            body = LimitedInputStream.readAll(stream, config.maxRequestBytes(), "an MM7 request");
        } catch (ProblemException e) {
            reject(e.type() == ProblemType.PAYLOAD_TOO_LARGE ? "too-large" : "unreadable", e.getMessage());
            return fault(e.type().status(), null, new Mm7Status(Mm7Status.CLIENT_ERROR, e.getMessage())).build();
        }
        Mm7Message request;
        try {
            request = Mm7Decoder.DEFAULT.decode(contentType, body);
        } catch (Mm7Exception e) {
            reject("unreadable", e.getMessage());
            return fault(400, null, new Mm7Status(e.statusCode(), e.getMessage())).build();
        }
        try {
            Mm7Body answer = encoder.encode(inbound.handle(request));
            LOG.debugf("mm7=request client=%s operation=%s transaction=%s", client, request.operation(),
                    request.header().transactionId());
            return Response.ok(answer.body(), answer.contentType()).build();
        } catch (Mm7Exception e) {
            reject(request.operation(), e.getMessage());
            return fault(400, request.header(), new Mm7Status(e.statusCode(), e.getMessage())).build();
        } catch (RuntimeException e) {
            LOG.errorf(e, "mm7=request-failed client=%s operation=%s", client, request.operation());
            return fault(503, request.header(), new Mm7Status(Mm7Status.SERVER_ERROR,
                    "Baton could not record the request now; send it again")).build();
        }
    }

    private Response.ResponseBuilder fault(int httpStatus, Mm7Header request, Mm7Status status) {
        Mm7Faults.Fault f = faults.fault(httpStatus, request, status);
        return Response.status(f.httpStatus()).entity(f.body()).type(f.contentType());
    }

    private void reject(String kind, String reason) {
        metrics.counter("baton.mm7.rejected", "kind", kind).increment();
        LOG.debugf("mm7=rejected kind=%s reason=\"%s\"", kind, reason);
    }
}
