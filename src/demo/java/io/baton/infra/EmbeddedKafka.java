package io.baton.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.Feature;
import org.apache.kafka.server.common.MetadataVersion;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A single-node KRaft Kafka broker running inside this JVM, for the demo and the tests. It is
 * combined broker + controller, listens on 127.0.0.1 on free ports and keeps its log in a
 * directory of its own (deleted on {@link #close()} unless it was given one to keep).
 */
public final class EmbeddedKafka implements AutoCloseable {

    private final KafkaConfig config;
    private KafkaRaftServer server;
    private final Path logDir;
    private final boolean deleteOnClose;
    private final int port;

    private EmbeddedKafka(KafkaConfig config, KafkaRaftServer server, Path logDir, boolean deleteOnClose, int port) {
        this.config = config;
        this.server = server;
        this.logDir = logDir;
        this.deleteOnClose = deleteOnClose;
        this.port = port;
    }

    /** Starts a broker in a fresh temporary directory on free ports. */
    public static EmbeddedKafka start() throws Exception {
        return start(Files.createTempDirectory("baton-kafka-"), true, FreePorts.pick(), FreePorts.pick());
    }

    /**
     * Starts (or restarts) a broker whose log lives in {@code logDir}; an already formatted
     * directory is reused, so a restart keeps its topics and offsets.
     */
    public static EmbeddedKafka start(Path logDir, boolean deleteOnClose, int port, int controllerPort)
            throws Exception {
        Files.createDirectories(logDir);
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("metadata.log.dir", logDir.toString());
        p.put("num.partitions", "4");
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "4");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("auto.create.topics.enable", "true");
        p.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
        p.put("log.cleaner.enable", "false");
        KafkaConfig config = new KafkaConfig(p);

        if (!Files.exists(logDir.resolve("meta.properties"))) {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(1)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setDirectories(List.of(logDir.toString()))
                    .setMetadataLogDirectory(logDir.toString())
                    .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                    .setSupportedFeatures(Feature.PRODUCTION_FEATURES)
                    .setControllerListenerName("CONTROLLER")
                    .setUnstableFeatureVersionsEnabled(false)
                    .setIgnoreFormatted(true)
                    .run();
        }
        KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
        return new EmbeddedKafka(config, server, logDir, deleteOnClose, port);
    }

    /** Starts a broker that keeps its log in {@code logDir} across runs (the demo's, so nothing accepted is lost). */
    public static EmbeddedKafka startPersistent(Path logDir) throws Exception {
        return start(logDir, false, FreePorts.pick(), FreePorts.pick());
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path logDir() {
        return logDir;
    }

    /** Shuts the broker down and keeps its log (an outage, for tests); {@link #restart} brings it back. */
    public synchronized void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    /** Starts the stopped broker again on the same ports with the same log, topics and offsets. */
    public synchronized void restart() {
        if (server == null) {
            KafkaRaftServer s = new KafkaRaftServer(config, Time.SYSTEM);
            s.startup();
            server = s;
        }
    }

    @Override
    public void close() {
        stop();
        if (deleteOnClose) {
            try {
                FileTrees.delete(logDir);
            } catch (IOException e) {
                // a leftover temp directory is harmless
            }
        }
    }
}
