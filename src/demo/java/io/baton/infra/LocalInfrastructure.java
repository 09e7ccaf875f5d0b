package io.baton.infra;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jboss.logging.Logger;

/**
 * Starts the infrastructure that is not configured: PostgreSQL, Redis and a Kafka broker, each
 * only when its standard Quarkus key (or environment variable) is unset. Returns the settings
 * that point Baton at what it started. Used by the demo launcher and by the test resource.
 */
public final class LocalInfrastructure implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(LocalInfrastructure.class);

    private final Map<String, String> settings = new LinkedHashMap<>();
    private final List<AutoCloseable> started = new ArrayList<>();
    private LocalRedis redis;
    private LocalPostgres postgres;
    private EmbeddedKafka kafka;

    private LocalInfrastructure() {
    }

    /**
     * @param configured looks a key up in system properties and environment; empty/null = unset
     * @param database database name for PostgreSQL
     * @param freshDatabase drop and recreate the database (tests)
     * @param kafkaDir where the broker keeps its log across runs, or null for a throw-away one
     */
    public static LocalInfrastructure startMissing(Function<String, String> configured, String database,
            boolean freshDatabase, java.nio.file.Path kafkaDir) throws Exception {
        LocalInfrastructure infra = new LocalInfrastructure();
        try {
            if (isBlank(configured.apply("quarkus.datasource.jdbc.url"))) {
                boolean machineServer = !"false".equals(configured.apply("baton.infra.local-postgres"));
                LocalPostgres pg = infra.track(LocalPostgres.start(database, freshDatabase, machineServer));
                infra.postgres = pg;
                infra.settings.put("quarkus.datasource.jdbc.url", pg.jdbcUrl());
                infra.settings.put("quarkus.datasource.username", pg.user());
                infra.settings.put("quarkus.datasource.password", "");
                LOG.infof("infra=postgresql url=%s", pg.jdbcUrl());
            }
            if (isBlank(configured.apply("quarkus.redis.hosts"))) {
                LocalRedis redis = infra.track(LocalRedis.start());
                infra.redis = redis;
                infra.settings.put("quarkus.redis.hosts", redis.url());
                LOG.infof("infra=redis url=%s", redis.url());
            }
            if (isBlank(configured.apply("kafka.bootstrap.servers"))) {
                EmbeddedKafka kafka = infra.track(kafkaDir == null ? EmbeddedKafka.start()
                        : EmbeddedKafka.startPersistent(kafkaDir));
                infra.kafka = kafka;
                infra.settings.put("kafka.bootstrap.servers", kafka.bootstrapServers());
                LOG.infof("infra=kafka bootstrap=%s", kafka.bootstrapServers());
            }
        } catch (Exception e) {
            infra.close();
            throw e;
        }
        return infra;
    }

    /** Looks a key up as a system property, then as its environment variable form. */
    public static String fromSystem(String key) {
        String v = System.getProperty(key);
        if (isBlank(v)) {
            v = System.getenv(key.toUpperCase().replaceAll("[^A-Z0-9]", "_"));
        }
        return v;
    }

    private <T extends AutoCloseable> T track(T resource) {
        started.add(0, resource);
        return resource;
    }

    /** The Redis this started, if it started one. */
    public java.util.Optional<LocalRedis> redis() {
        return java.util.Optional.ofNullable(redis);
    }

    /** The PostgreSQL database this set up, if it set one up (a server of its own or the machine's). */
    public java.util.Optional<LocalPostgres> postgres() {
        return java.util.Optional.ofNullable(postgres);
    }

    /** The Kafka broker this started, if it started one. */
    public java.util.Optional<EmbeddedKafka> kafka() {
        return java.util.Optional.ofNullable(kafka);
    }

    public Map<String, String> settings() {
        return Map.copyOf(settings);
    }

    @Override
    public void close() {
        for (AutoCloseable c : started) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warnf("infra=stop-failed resource=%s reason=%s", c.getClass().getSimpleName(), e.getMessage());
            }
        }
        started.clear();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
