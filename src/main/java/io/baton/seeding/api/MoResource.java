package io.baton.seeding.api;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.baton.common.Msisdn;
import io.baton.common.MsisdnFormatException;
import io.baton.common.StorableTime;
import io.baton.http.ClientAuthenticator;
import io.baton.http.ProblemException;
import io.baton.http.ProblemType;
import io.baton.seeding.MoKeywordService;

/**
 * {@code POST /api/v1/sms/mo}: an SMS gateway posts a subscriber's text to a short code. Any
 * text is answered 202 (a keyword sends the seed, other text a help notice); only a body we
 * cannot read is refused. {@code at} is optional (the gateway's receive time; default now).
 */
@Path("/api/v1/sms/mo")
public class MoResource {

    public record MoRequest(String from, String to, String text, String at) {
    }

    public record MoResponse(String outcome) {
    }

    private final ClientAuthenticator clients;
    private final MoKeywordService service;
    private final Clock clock;

    public MoResource(ClientAuthenticator clients, MoKeywordService service, Clock clock) {
        this.clients = clients;
        this.service = service;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response receive(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, MoRequest mo) {
        clients.authenticate(authorization);
        if (mo == null) {
            throw new ProblemException(ProblemType.MALFORMED_BODY, "expected {\"from\",\"to\",\"text\"}");
        }
        Msisdn from;
        try {
            from = Msisdn.parse(mo.from());
        } catch (MsisdnFormatException e) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "from: not an MSISDN: " + e.getMessage());
        }
        String to = null;
        if (mo.to() != null && !mo.to().isBlank()) {
            try {
                to = Msisdn.parse(mo.to()).digits();
            } catch (MsisdnFormatException e) {
                throw new ProblemException(ProblemType.INVALID_REQUEST, "to: not a short code: " + e.getMessage());
            }
        }
        OffsetDateTime at;
        try {
            at = mo.at() == null ? OffsetDateTime.now(clock) : OffsetDateTime.parse(mo.at());
        } catch (DateTimeParseException e) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, "at: must be an ISO-8601 date-time with offset");
        }
        if (!StorableTime.holds(at)) {
            throw new ProblemException(ProblemType.INVALID_REQUEST, StorableTime.refusal("at"));
        }
        MoKeywordService.Outcome outcome = service.receive(from, to, mo.text() == null ? "" : mo.text(), at);
        return Response.accepted(new MoResponse(outcome.name().toLowerCase())).build();
    }
}
