package io.baton.seeding.api;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.baton.http.ClientAuthenticator;
import io.baton.http.RateLimits;
import io.baton.http.RequestGate;
import io.vertx.core.http.HttpServerRequest;

/** Before the body of {@code POST /api/v1/sms/mo} is read: the gateway's token and rate, then the declared length. */
@ApplicationScoped
public class MoGate implements RequestGate.Check {

    /** An MO is a short text and two numbers: 64 KiB leaves room for any gateway's JSON. */
    static final long MAX_BODY_BYTES = 65_536;
    private static final String PATH = "/api/v1/sms/mo";

    private final ClientAuthenticator clients;
    private final RateLimits limits;

    public MoGate(ClientAuthenticator clients, RateLimits limits) {
        this.clients = clients;
        this.limits = limits;
    }

    @Override
    public Map<String, Long> bodyLimits() {
        return Map.of(PATH, MAX_BODY_BYTES);
    }

    @Override
    public RequestGate.Refusal check(HttpServerRequest request) {
        if (!PATH.equals(request.path())) {
            return null;
        }
        RequestGate.Refusal refusal = RequestGate.bearer(clients, request, limits::mo);
        return refusal != null ? refusal : RequestGate.declaredOver(request, MAX_BODY_BYTES, "an MO message");
    }
}
