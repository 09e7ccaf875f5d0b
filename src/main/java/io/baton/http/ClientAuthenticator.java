package io.baton.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/** Checks a client's bearer token; answers which client it is. Constant-time comparison. */
@ApplicationScoped
public class ClientAuthenticator {

    private final ClientsConfig config;

    public ClientAuthenticator(ClientsConfig config) {
        this.config = config;
    }

    /**
     * @param authorization the Authorization header
     * @return the client id
     * @throws ProblemException 401 when the header is missing or the token unknown
     */
    public String authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ProblemException(ProblemType.UNAUTHENTICATED, "an Authorization: Bearer <token> header is required");
        }
        byte[] presented = authorization.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        for (Map.Entry<String, ClientsConfig.Client> c : config.clients().entrySet()) {
            if (MessageDigest.isEqual(presented, c.getValue().token().getBytes(StandardCharsets.UTF_8))) {
                return c.getKey();
            }
        }
        throw new ProblemException(ProblemType.UNAUTHENTICATED, "unknown bearer token");
    }

    /**
     * Whether {@code token} is client {@code id}'s (HTTP basic on {@code POST /mm7}). Compared in
     * constant time, against a stand-in for an unknown id, so the answer time says nothing.
     */
    public boolean holdsToken(String id, String token) {
        ClientsConfig.Client client = id == null ? null : config.clients().get(id);
        byte[] expected = (client == null ? "\u0000unknown" : client.token()).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), expected) && client != null;
    }
}
