package io.baton.notify.mm7.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.BiPredicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.baton.http.ClientAuthenticator;
import io.baton.notify.mm7.Mm7Config;
import io.baton.notify.mm7.domain.IpAllowList;
import io.quarkus.runtime.Startup;

/**
 * An MMSC posting to {@code /mm7}: HTTP basic with a configured client's id and token
 * ({@code baton.clients.<id>.token}), from an address in {@code baton.mm7.allowed-ips} when that is
 * set. Admin users of Quarkus security are not MMSCs: their passwords never match here.
 */
@Startup // a wrong setting (rate, retry, allow-list) stops the start, not the first request
@ApplicationScoped
public class MmscAuthenticator {

    /** Why a request is refused, with the HTTP status to answer. */
    public static final class Refused extends Exception {
        private final int httpStatus;

        Refused(int httpStatus, String reason) {
            super(reason, null, false, false);
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final BiPredicate<String, String> holdsToken;
    private final IpAllowList allowed;

    @Inject
    public MmscAuthenticator(ClientAuthenticator clients, Mm7Config config) {
        this(clients::holdsToken, config.allowedIps().map(IpAllowList::new).orElse(null));
    }

    /**
     * @param holdsToken whether a token is a client id's ({@link ClientAuthenticator#holdsToken})
     * @param allowed null: any address
     */
    MmscAuthenticator(BiPredicate<String, String> holdsToken, IpAllowList allowed) {
        this.holdsToken = holdsToken;
        this.allowed = allowed;
    }

    /** @return the client id */
    public String authenticate(String authorization, String remoteIp) throws Refused {
        if (allowed != null && (remoteIp == null || !allowed.allows(remoteIp))) {
            throw new Refused(403, "address not allowed to post MM7");
        }
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new Refused(401, "HTTP basic authentication required");
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Refused(401, "Authorization: Basic credentials are not base64");
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            throw new Refused(401, "Authorization: Basic credentials are not id:token");
        }
        String id = decoded.substring(0, colon);
        if (!holdsToken.test(id, decoded.substring(colon + 1))) {
            throw new Refused(401, "unknown MMSC client or wrong token");
        }
        return id;
    }
}
