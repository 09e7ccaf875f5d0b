package io.baton.notify.mm7.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.baton.http.ClientAuthenticator;
import io.baton.http.ClientsConfig;
import io.baton.notify.mm7.domain.IpAllowList;

class MmscAuthenticatorTest {

    private final Map<String, String> tokens = Map.of("nj-1", "nj-token", "sz-2", "sz-token");

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aClientIsItsIdAndToken() throws Exception {
        MmscAuthenticator auth = new MmscAuthenticator(clients()::holdsToken, null);
        assertThat(auth.authenticate(basic("sz-2", "sz-token"), "203.0.113.9")).isEqualTo("sz-2");
    }

    @Test
    void anotherClientsTokenOrAnUnknownIdIsRefused() {
        MmscAuthenticator auth = new MmscAuthenticator(clients()::holdsToken, null);
        assertRefused(auth, basic("sz-2", "nj-token"), "10.0.0.1", 401);
        assertRefused(auth, basic("admin", "nj-token"), "10.0.0.1", 401);
        assertRefused(auth, "Bearer nj-token", "10.0.0.1", 401);
        assertRefused(auth, "Basic !!!", "10.0.0.1", 401);
        assertRefused(auth, null, "10.0.0.1", 401);
    }

    @Test
    void anAllowListKeepsOtherAddressesOutEvenWithGoodCredentials() throws Exception {
        MmscAuthenticator auth = new MmscAuthenticator(clients()::holdsToken, new IpAllowList(List.of("10.1.0.0/16")));
        assertThat(auth.authenticate(basic("nj-1", "nj-token"), "10.1.2.3")).isEqualTo("nj-1");
        assertRefused(auth, basic("nj-1", "nj-token"), "10.2.0.1", 403);
        assertRefused(auth, basic("nj-1", "nj-token"), null, 403);
    }

    private static void assertRefused(MmscAuthenticator auth, String authorization, String ip, int status) {
        assertThatThrownBy(() -> auth.authenticate(authorization, ip)).isInstanceOf(MmscAuthenticator.Refused.class)
                .satisfies(e -> assertThat(((MmscAuthenticator.Refused) e).httpStatus()).isEqualTo(status));
    }

    private ClientAuthenticator clients() {
        Map<String, ClientsConfig.Client> clients = new HashMap<>();
        tokens.forEach((id, token) -> clients.put(id, () -> token));
        return new ClientAuthenticator(() -> clients);
    }
}
