package io.baton.ingest.api;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.baton.http.ClientAuthenticator;
import io.baton.http.RateLimits;
import io.baton.http.RequestGate;
import io.baton.ingest.IngestConfig;
import io.vertx.core.http.HttpServerRequest;

/** Before the body of an ingest post is read: the client's token and rate, then the declared length. */
@ApplicationScoped
public class IngestGate implements RequestGate.Check {

    private static final String EVENTS = "/api/v1/mmsc/events";
    private static final String RECORDS = "/api/v1/mmsc/records";

    private final ClientAuthenticator clients;
    private final IngestConfig config;
    private final RateLimits limits;

    public IngestGate(ClientAuthenticator clients, IngestConfig config, RateLimits limits) {
        this.clients = clients;
        this.config = config;
        this.limits = limits;
    }

    @Override
    public Map<String, Long> bodyLimits() {
        return Map.of(EVENTS, config.maxBatchBytes(), RECORDS, (long) config.maxRecordBytes());
    }

    @Override
    public RequestGate.Refusal check(HttpServerRequest request) {
        String path = request.path();
        boolean events = EVENTS.equals(path);
        if (!events && !RECORDS.equals(path)) {
            return null;
        }
        RequestGate.Refusal refusal = RequestGate.bearer(clients, request, limits::ingestRequest);
        if (refusal != null) {
            return refusal;
        }
        return events ? RequestGate.declaredOver(request, config.maxBatchBytes(), "a batch")
                : RequestGate.declaredOver(request, config.maxRecordBytes(), "a record");
    }
}
