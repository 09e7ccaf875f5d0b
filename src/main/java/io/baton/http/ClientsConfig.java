package io.baton.http;

import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;

/**
 * Network clients (MMSCs, SMS gateways) allowed to post events: {@code baton.clients.<id>.token}.
 * Tokens come from configuration (environment in production); the demo profile has {@code demo}.
 */
@ConfigMapping(prefix = "baton.clients")
public interface ClientsConfig {

    @WithParentName
    Map<String, Client> clients();

    interface Client {
        /** Bearer token the client presents (also its MM7 basic-auth password). */
        String token();
    }
}
