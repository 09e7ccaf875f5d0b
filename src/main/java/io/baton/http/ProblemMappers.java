package io.baton.http;

import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Turns every error into {@code application/problem+json}: precise for expected bad input,
 * opaque (request id only, no stack trace, no SQL) for our own failures.
 */
public class ProblemMappers {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    public static Response response(ProblemType type, String detail, List<?> errors) {
        String instance = "urn:baton:request:" + UUID.randomUUID();
        Response.ResponseBuilder b = Response.status(type.status())
                .type(PROBLEM_JSON)
                .entity(new Problem(type.uri().toString(), type.title(), type.status(), detail, instance, errors));
        if (type == ProblemType.UNAUTHENTICATED) {
            b.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"baton\"");
        }
        return b.build();
    }

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return response(e.type(), e.getMessage(), e.errors());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e) {
        return response(ProblemType.MALFORMED_BODY, "not valid JSON: " + e.getOriginalMessage(), null);
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e) {
        return response(ProblemType.UNAUTHENTICATED, "valid credentials are required", null);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return response(ProblemType.FORBIDDEN, "your role does not allow this", null);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e) {
        return response(ProblemType.NOT_FOUND, "no such resource", null);
    }

    @ServerExceptionMapper
    public Response unsupported(NotSupportedException e) {
        return response(ProblemType.UNSUPPORTED_MEDIA_TYPE, e.getMessage(), null);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e instanceof NotAllowedException || status < 500) {
            ProblemType type = switch (status) {
                case 401 -> ProblemType.UNAUTHENTICATED;
                case 403 -> ProblemType.FORBIDDEN;
                case 404 -> ProblemType.NOT_FOUND;
                case 413 -> ProblemType.PAYLOAD_TOO_LARGE;
                case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
                default -> ProblemType.INVALID_REQUEST;
            };
            Response r = response(type, e.getMessage(), null);
            return Response.fromResponse(r).status(status).build();
        }
        return internal(e);
    }

    @ServerExceptionMapper
    public Response internal(Exception e) {
        Response r = response(ProblemType.INTERNAL, "the request failed on our side; quote the instance id", null);
        LOG.errorf(e, "http=internal-error instance=%s", ((Problem) r.getEntity()).instance());
        return r;
    }
}
