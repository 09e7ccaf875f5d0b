package io.baton.notify.mm7.api;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.baton.http.RequestGate;
import io.baton.mms.mm7.Mm7Status;
import io.baton.notify.mm7.Mm7Config;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Before the body of {@code POST /mm7} is read: the MMSC's address and credentials, then the
 * declared length; refused with the same SOAP Fault the resource would give.
 */
@ApplicationScoped
public class Mm7Gate implements RequestGate.Check {

    private static final String PATH = "/mm7";

    private final MmscAuthenticator mmscs;
    private final Mm7Config config;
    private final Mm7Faults faults;

    public Mm7Gate(MmscAuthenticator mmscs, Mm7Config config) {
        this.mmscs = mmscs;
        this.config = config;
        this.faults = new Mm7Faults(config);
    }

    @Override
    public RequestGate.Refusal check(HttpServerRequest request) {
        if (!PATH.equals(request.path())) {
            return null;
        }
        try {
            mmscs.authenticate(request.getHeader(HttpHeaders.AUTHORIZATION),
                    request.remoteAddress() == null ? null : request.remoteAddress().hostAddress());
        } catch (MmscAuthenticator.Refused refused) {
            Mm7Faults.Fault f = faults.fault(refused.httpStatus(), null,
                    new Mm7Status(Mm7Status.IMPROPER_IDENTIFICATION, refused.getMessage()));
            return new RequestGate.Refusal(f.httpStatus(), f.contentType(), f.body(),
                    refused.httpStatus() == 401 ? Map.of("WWW-Authenticate", "Basic realm=\"mm7\"") : Map.of());
        }
        if (RequestGate.declaredOver(request, config.maxRequestBytes(), "an MM7 request") == null) {
            return null;
        }
        Mm7Faults.Fault f = faults.fault(413, null, new Mm7Status(Mm7Status.CLIENT_ERROR,
                "an MM7 request holds at most " + config.maxRequestBytes() + " bytes"));
        return new RequestGate.Refusal(413, f.contentType(), f.body(), Map.of());
    }

    @Override
    public Map<String, Long> bodyLimits() {
        return Map.of(PATH, config.maxRequestBytes());
    }
}
