package io.baton.support;

import java.io.IOException;
import java.util.Map;

import io.baton.infra.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts {@link SmscSimulator} (OpenSMPP's SMSC simulator) on a free 127.0.0.1 port for a
 * {@code @QuarkusTest} profile and points {@code baton.smpp.*} at it. Tests reach the running
 * simulator through {@link #simulator()} to see what it received and to send MO messages or receipts.
 */
public class SmscSimulatorResource implements QuarkusTestResourceLifecycleManager {

    /** The ESME account the simulator knows (test credentials). */
    public static final String SYSTEM_ID = "baton";
    public static final String PASSWORD = "smpp-tst";

    private static volatile SmscSimulator current;

    /** The simulator of the running test application. */
    public static SmscSimulator simulator() {
        SmscSimulator s = current;
        if (s == null) {
            throw new IllegalStateException("no SMSC simulator running: is SmscSimulatorResource in the test profile?");
        }
        return s;
    }

    @Override
    public Map<String, String> start() {
        try {
            current = SmscSimulator.start(FreePorts.pick(), SYSTEM_ID, PASSWORD);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the SMSC simulator: " + e.getMessage(), e);
        }
        return Map.of(
                "baton.smpp.host", "127.0.0.1",
                "baton.smpp.port", Integer.toString(current.port()),
                "baton.smpp.system-id", SYSTEM_ID,
                "baton.smpp.password", PASSWORD,
                "baton.smpp.response-timeout", "5s",
                "baton.smpp.reconnect-backoff", "200ms",
                "baton.smpp.retry.backoff", "500ms");
    }

    @Override
    public void stop() {
        SmscSimulator s = current;
        current = null;
        if (s != null) {
            s.close();
        }
    }
}
