package io.baton.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.security.credential.PasswordCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a request before a byte of its body is read: wrong credentials (401/403) or a declared
 * {@code Content-Length} over the endpoint's limit (413). Each capability says what its endpoints
 * need in a {@link Check}; a body sent without a length is read with the endpoint's limit and
 * stopped (413) as soon as it passes it. Admin writes ({@code PUT}, {@code POST}, {@code DELETE} under
 * {@code /api/v1/campaigns/} and {@code /api/v1/admin/}) are authenticated here too (their roles
 * are checked by the resource). A large refused body is never read (see {@link #refuse}).
 */
@ApplicationScoped
public class RequestGate {

    private static final Logger LOG = Logger.getLogger(RequestGate.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** A refused body up to this size is read and discarded rather than cut off. */
    static final long DRAIN_LIMIT = 8L * 1024 * 1024;

    /** What one capability checks on the requests of its endpoints, before their bodies. */
    public interface Check {
        /** The refusal, or null when the request is not this check's or may go on. */
        Refusal check(HttpServerRequest request);

        /** Exact paths of this capability's endpoints and the most bytes each body may have. */
        Map<String, Long> bodyLimits();
    }

    /**
     * Where Quarkus's REST layer reads the most bytes it will take of this request's body while it
     * reads it (set per request from {@code quarkus.http.limits.max-body-size} at route order
     * {@link RouteConstants#ROUTE_ORDER_UPLOAD_LIMIT}); the gate runs just after and narrows it per path.
     * {@code AuthenticateBeforeReadingTest} fails should a Quarkus upgrade rename it.
     */
    static final String MAX_REQUEST_SIZE = "io.quarkus.max-request-size";

    /** An answer given instead of reading the request. */
    public record Refusal(int status, String contentType, byte[] body, Map<String, String> headers) {
    }

    private final Instance<Check> checks;
    private final IdentityProviderManager identities;

    public RequestGate(Instance<Check> checks, IdentityProviderManager identities) {
        this.checks = checks;
        this.identities = identities;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_HEADERS).handler(this::handle);
        // after Quarkus has set the global limit of the request (ROUTE_ORDER_UPLOAD_LIMIT): narrow it per path
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(this::limit);
    }

    private void limit(RoutingContext ctx) {
        for (Check c : checks) {
            Long limit = c.bodyLimits().get(ctx.request().path());
            if (limit != null) {
                ctx.put(MAX_REQUEST_SIZE, limit);
                break;
            }
        }
        ctx.next();
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        HttpMethod m = request.method();
        if (m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS) {
            ctx.next();
            return;
        }
        for (Check c : checks) {
            Refusal r = c.check(request);
            if (r != null) {
                refuse(ctx, r);
                return;
            }
        }
        String path = request.path();
        if (path.startsWith("/api/v1/campaigns/") || path.startsWith("/api/v1/admin/")) {
            authenticateAdmin(ctx);
            return;
        }
        ctx.next();
    }

    /** HTTP basic against the configured users; the body waits (paused) until the answer is known. */
    private void authenticateAdmin(RoutingContext ctx) {
        String[] credentials = basic(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (credentials == null) {
            refuse(ctx, problem(ProblemType.UNAUTHENTICATED, "HTTP basic credentials of an admin user are required"));
            return;
        }
        Context context = Vertx.currentContext();
        ctx.request().pause();
        identities.authenticate(new UsernamePasswordAuthenticationRequest(credentials[0],
                new PasswordCredential(credentials[1].toCharArray()))).subscribe().with(
                        identity -> context.runOnContext(v -> {
                            ctx.request().resume();
                            ctx.next();
                        }),
                        failure -> context.runOnContext(v -> refuse(ctx,
                                problem(ProblemType.UNAUTHENTICATED, "unknown user or wrong password"))));
    }

    private static String[] basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon <= 0 ? null : new String[] { decoded.substring(0, colon), decoded.substring(colon + 1) };
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Answers instead of the endpoint. A body declared no larger than {@value #DRAIN_LIMIT} bytes is
     * read and thrown away (no memory kept), so that a client that writes its whole request before
     * reading the answer sees it and keeps its connection; a larger or undeclared one is not read:
     * the answer closes the connection (HTTP/1) or resets the stream (HTTP/2, whose other streams
     * go on).
     */
    private static void refuse(RoutingContext ctx, Refusal r) {
        HttpServerRequest request = ctx.request();
        LOG.debugf("http=refused-before-body status=%d path=%s", r.status(), request.path());
        var response = ctx.response();
        if (response.headWritten()) {
            request.connection().close();
            return;
        }
        long declared = declaredLength(request);
        boolean drain = request.isEnded() || (declared >= 0 && declared <= DRAIN_LIMIT);
        boolean http2 = request.version() == HttpVersion.HTTP_2;
        response.setStatusCode(r.status()).putHeader(HttpHeaders.CONTENT_TYPE, r.contentType());
        r.headers().forEach(response::putHeader);
        if (drain) {
            if (!request.isEnded()) {
                request.handler(ignored -> {
                });
                request.resume();
            }
            response.end(Buffer.buffer(r.body()));
            return;
        }
        if (!http2) {
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(Buffer.buffer(r.body())).onComplete(done -> {
            if (http2) {
                response.reset();
            } else {
                request.connection().close();
            }
        });
    }

    private static long declaredLength(HttpServerRequest request) {
        try {
            String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
            return length == null ? -1 : Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A problem+json refusal, as {@link ProblemMappers} writes them. */
    public static Refusal problem(ProblemType type, String detail) {
        Problem p = new Problem(type.uri().toString(), type.title(), type.status(), detail,
                "urn:baton:request:" + UUID.randomUUID(), null);
        try {
            return new Refusal(type.status(), ProblemMappers.PROBLEM_JSON, JSON.writeValueAsBytes(p),
                    type == ProblemType.UNAUTHENTICATED ? Map.of("WWW-Authenticate", "Basic realm=\"baton\"")
                            : Map.of());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a problem", e);
        }
    }

    /** 413 when the request declares more than {@code limit} bytes; null otherwise (or when it declares none). */
    public static Refusal declaredOver(HttpServerRequest request, long limit, String what) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length == null) {
            return null;
        }
        long declared;
        try {
            declared = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return problem(ProblemType.MALFORMED_BODY, "Content-Length: not a number");
        }
        return declared > limit ? problem(ProblemType.PAYLOAD_TOO_LARGE, LimitedInputStream.tooLarge(what, limit))
                : null;
    }

    /** 401 unless the request carries a client's bearer token; then {@code limit}'s answer for that client. */
    public static Refusal bearer(ClientAuthenticator clients, HttpServerRequest request,
            java.util.function.Function<String, Refusal> limit) {
        String client;
        try {
            client = clients.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION));
        } catch (ProblemException e) {
            return problem(e.type(), e.getMessage());
        }
        return limit.apply(client);
    }
}
