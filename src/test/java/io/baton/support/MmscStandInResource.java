package io.baton.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts an {@link MmscStandIn} for a {@code @QuarkusTest} (through a test profile's
 * {@code testResources}) and points Baton's {@code baton.mm7.*} settings at it. Tests reach the
 * running stand-in through {@link #standIn()}.
 */
public class MmscStandInResource implements QuarkusTestResourceLifecycleManager {

    private static volatile MmscStandIn current;

    @Override
    public Map<String, String> start() {
        try {
            current = new MmscStandIn();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the MMSC stand-in", e);
        }
        return current.settings();
    }

    @Override
    public void stop() {
        if (current != null) {
            current.close();
        }
    }

    /** The stand-in of the running test application. */
    public static MmscStandIn standIn() {
        MmscStandIn s = current;
        if (s == null) {
            throw new IllegalStateException("no MMSC stand-in: use a test profile listing MmscStandInResource");
        }
        return s;
    }
}
