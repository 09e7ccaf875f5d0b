package io.baton.http;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;

/** The per-client rate limits of the network endpoints, and the 429 their refusal is. */
@ApplicationScoped
public class RateLimits {

    private final RateLimiter ingestRequests;
    private final RateLimiter ingestEvents;
    private final RateLimiter mo;
    private final MeterRegistry metrics;

    public RateLimits(RateLimitsConfig config, MeterRegistry metrics) {
        this.ingestRequests = new RateLimiter(config.ingestRequestsPerSecond(),
                config.ingestRequestsPerSecond() * config.burstSeconds());
        this.ingestEvents = new RateLimiter(config.ingestEventsPerSecond(),
                config.ingestEventsPerSecond() * config.burstSeconds());
        this.mo = new RateLimiter(config.moPerSecond(), config.moPerSecond() * config.burstSeconds());
        this.metrics = metrics;
    }

    /** A 429 refusal when the client posts ingest requests too fast; null otherwise. */
    public RequestGate.Refusal ingestRequest(String client) {
        return refusal(ingestRequests, "ingest-requests", client, 1, "ingest posts");
    }

    /** A 429 refusal when the client's batch would exceed its events rate; null otherwise (the events are counted). */
    public RequestGate.Refusal ingestEvents(String client, int events) {
        return refusal(ingestEvents, "ingest-events", client, events, "events");
    }

    /** A 429 refusal when the gateway posts MO messages too fast; null otherwise. */
    public RequestGate.Refusal mo(String client) {
        return refusal(mo, "mo", client, 1, "MO messages");
    }

    private RequestGate.Refusal refusal(RateLimiter limiter, String limit, String client, double tokens, String what) {
        long wait = limiter.take(client, tokens);
        if (wait == 0) {
            return null;
        }
        metrics.counter("baton.http.rate.limited", "limit", limit, "client", client).increment();
        RequestGate.Refusal p = RequestGate.problem(ProblemType.TOO_MANY_REQUESTS,
                "client " + client + " sends " + what + " faster than its limit; retry after " + wait + " s");
        return new RequestGate.Refusal(p.status(), p.contentType(), p.body(), Map.of("Retry-After", Long.toString(wait)));
    }
}
