package io.baton.support;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.baton.infra.LocalInfrastructure;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The one test resource: real PostgreSQL (a fresh database), Redis and an in-JVM Kafka broker,
 * on free ports, for every {@code @QuarkusTest}. Servers given in the environment are used instead.
 */
public class BatonInfrastructure implements QuarkusTestResourceLifecycleManager {

    private LocalInfrastructure infra;
    private static volatile LocalInfrastructure current;

    /** What the running test application's resource started (to stage outages). */
    public static LocalInfrastructure current() {
        LocalInfrastructure i = current;
        if (i == null) {
            throw new IllegalStateException("no test infrastructure running");
        }
        return i;
    }

    @Override
    public Map<String, String> start() {
        try {
            String db = "baton_test_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
            infra = LocalInfrastructure.startMissing(LocalInfrastructure::fromSystem, db, true, null);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start test infrastructure: " + e.getMessage(), e);
        }
        current = infra;
        Map<String, String> settings = new HashMap<>(infra.settings());
        return settings;
    }

    @Override
    public void stop() {
        if (infra != null) {
            infra.close();
        }
    }
}
