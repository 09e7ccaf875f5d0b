package io.baton.notify.smpp;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a {@link FaultySmsc} and points {@code baton.smpp.*} at it, with quick re-binds and retries
 * so fault tests finish in seconds; a test profile's init args override or add {@code baton.smpp.*}
 * settings (sessions, window, max-rate).
 */
public class FaultySmscResource implements QuarkusTestResourceLifecycleManager {

    /** The SMSC of the running test profile. */
    static volatile FaultySmsc smsc;

    private final Map<String, String> overrides = new HashMap<>();

    @Override
    public void init(Map<String, String> initArgs) {
        overrides.putAll(initArgs);
    }

    @Override
    public Map<String, String> start() {
        try {
            smsc = new FaultySmsc();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, String> config = new HashMap<>(Map.ofEntries(
                Map.entry("baton.smpp.host", "127.0.0.1"),
                Map.entry("baton.smpp.port", Integer.toString(smsc.port())),
                Map.entry("baton.smpp.response-timeout", "2s"),
                Map.entry("baton.smpp.bind-wait", "1s"),
                Map.entry("baton.smpp.reconnect-backoff", "100ms"),
                Map.entry("baton.smpp.reconnect-backoff-max", "400ms"),
                Map.entry("baton.smpp.retry.max-attempts", "30"),
                Map.entry("baton.smpp.retry.backoff", "200ms"),
                Map.entry("baton.smpp.retry.backoff-max", "1s")));
        config.putAll(overrides);
        return config;
    }

    @Override
    public void stop() {
        smsc.close();
    }
}
