package io.baton.it;

import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import io.baton.infra.LocalInfrastructure;
import io.baton.support.BatonProcess;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * What the integration tests share: infrastructure of their own (a fresh database, Redis, a
 * broker), the settings that point packaged Baton processes at it with an ingest client and an
 * admin, and the MMSC's and the operator's side of the conversation (posting batches, reading
 * figures straight from PostgreSQL, the Kafka admin).
 */
final class ItEnvironment implements AutoCloseable {

    static final String TOKEN = "it-token";
    static final String ADMIN_PASSWORD = "it-admin";

    final LocalInfrastructure infra;
    final Map<String, String> settings;
    final Path log;

    private ItEnvironment(LocalInfrastructure infra, Map<String, String> settings, Path log) {
        this.infra = infra;
        this.settings = settings;
        this.log = log;
    }

    /**
     * @param name the test's name, for the database and the log file
     * @param configured looks settings up (system properties and environment, or what a test forces)
     * @param campaignDirectory Baton's campaigns/ directory, or null for an empty one
     */
    static ItEnvironment start(String name, Function<String, String> configured, Path campaignDirectory)
            throws Exception {
        String db = "baton_it_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        LocalInfrastructure infra = LocalInfrastructure.startMissing(configured, db, true, null);
        Map<String, String> settings = new HashMap<>(infra.settings());
        settings.put("baton.clients.it.token", TOKEN);
        settings.put("quarkus.security.users.embedded.users.admin", ADMIN_PASSWORD);
        settings.put("quarkus.security.users.embedded.roles.admin", "admin");
        settings.put("baton.campaign.directory", (campaignDirectory != null ? campaignDirectory
                : Files.createTempDirectory("baton-" + name + "-campaigns")).toAbsolutePath().toString());
        return new ItEnvironment(infra, settings, Files.createTempFile("baton-" + name + "-it-", ".log"));
    }

    static ItEnvironment start(String name, Path campaignDirectory) throws Exception {
        return start(name, LocalInfrastructure::fromSystem, campaignDirectory);
    }

    BatonProcess baton(int port) throws Exception {
        return BatonProcess.start(settings, port, log);
    }

    /** PUTs a campaign as the admin and expects it created. */
    static void putCampaign(BatonProcess on, String id, String yaml) {
        RestAssured.given().baseUri(on.baseUri()).auth().preemptive().basic("admin", ADMIN_PASSWORD)
                .contentType("application/yaml").body(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .put("/api/v1/campaigns/" + id).then().statusCode(201);
    }

    /** Posts a batch as the MMSC does: the status, or -1 when the connection failed (the app is down). */
    static int post(String base, List<Map<String, Object>> batch) {
        try {
            return RestAssured.given().baseUri(base).header("Authorization", "Bearer " + TOKEN)
                    .contentType(ContentType.JSON).body(batch).post("/api/v1/mmsc/events").statusCode();
        } catch (Exception e) { // REST Assured throws ConnectException undeclared
            return -1;
        }
    }

    /**
     * Submit + "retrieved" delivery of forwards {@code from..to-1}, message ids {@code idPrefix + i},
     * from and to 13-digit numbers made of the given prefixes and {@code i}.
     */
    static List<Map<String, Object>> forwards(String idPrefix, String senders, String recipients, int from, int to,
            byte[] image, String at) {
        String data = Base64.getEncoder().encodeToString(image);
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String sender = senders + String.format("%0" + (13 - senders.length()) + "d", i);
            String recipient = recipients + String.format("%0" + (13 - recipients.length()) + "d", i);
            events.add(Map.of("type", "submit", "messageId", idPrefix + i, "from", sender, "to", List.of(recipient),
                    "at", at, "parts", List.of(Map.of("contentType", "image/jpeg", "data", data))));
            events.add(Map.of("type", "delivery", "messageId", idPrefix + i, "to", recipient, "status", "retrieved",
                    "at", at));
        }
        return events;
    }

    /** Counts straight from PostgreSQL: forwards, serials, serial notices (all, distinct serials, sent). */
    Map<String, Long> figures(String campaign) throws Exception {
        try (Connection c = DriverManager.getConnection(settings.get("quarkus.datasource.jdbc.url"),
                settings.get("quarkus.datasource.username"), settings.get("quarkus.datasource.password"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(("""
                        SELECT (SELECT count(*) FROM forward WHERE campaign_id LIKE '%1$s'),
                               (SELECT count(*) FROM serial WHERE campaign_id LIKE '%1$s'),
                               (SELECT count(DISTINCT forward_id) FROM serial WHERE campaign_id LIKE '%1$s'),
                               (SELECT count(*) FROM sms_outbox WHERE kind = 'serial' AND campaign_id LIKE '%1$s'),
                               (SELECT count(DISTINCT serial) FROM sms_outbox
                                 WHERE kind = 'serial' AND campaign_id LIKE '%1$s'),
                               (SELECT count(*) FROM sms_outbox
                                 WHERE kind = 'serial' AND state = 'sent' AND campaign_id LIKE '%1$s'),
                               (SELECT count(*) FROM dead_letter)""").formatted(campaign))) {
            rs.next();
            return Map.of("forwards", rs.getLong(1), "serials", rs.getLong(2), "serial_forwards", rs.getLong(3),
                    "notices", rs.getLong(4), "distinct_notice_serials", rs.getLong(5), "sent", rs.getLong(6),
                    "dead_letters", rs.getLong(7));
        }
    }

    /**
     * The prize invariants' figures, in one snapshot: wins that hold a prize (held, confirmed,
     * claimed), the stock rows' given, the budget spent and the holders' count against what those
     * wins cost and who holds them, and prize SMS against the wins that were ever confirmed.
     */
    Map<String, Long> prizeFigures(String campaign) throws Exception {
        try (Connection c = DriverManager.getConnection(settings.get("quarkus.datasource.jdbc.url"),
                settings.get("quarkus.datasource.username"), settings.get("quarkus.datasource.password"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(("""
                        SELECT (SELECT count(*) FROM prize_win WHERE campaign_id = '%1$s'),
                               (SELECT count(*) FROM prize_win WHERE campaign_id = '%1$s'
                                  AND state IN ('held', 'confirmed', 'claimed')),
                               (SELECT coalesce(sum(given), 0) FROM prize_stock WHERE campaign_id = '%1$s'),
                               (SELECT coalesce(sum(unit_cost), 0) FROM prize_win WHERE campaign_id = '%1$s'
                                  AND state IN ('held', 'confirmed', 'claimed')),
                               (SELECT coalesce(sum(spent), 0) FROM prize_budget WHERE campaign_id = '%1$s'),
                               (SELECT coalesce(sum(wins), 0) FROM prize_holder WHERE campaign_id = '%1$s'),
                               (SELECT count(*) FROM prize_win WHERE campaign_id = '%1$s'
                                  AND state IN ('confirmed', 'claimed', 'forfeited')),
                               (SELECT count(*) FROM sms_outbox WHERE kind = 'prize' AND campaign_id = '%1$s'),
                               (SELECT count(*) - count(DISTINCT serial) FROM prize_win WHERE campaign_id = '%1$s'
                                  AND draw_id IS NULL)""").formatted(campaign))) {
            rs.next();
            return Map.of("wins", rs.getLong(1), "holding", rs.getLong(2), "stock_given", rs.getLong(3),
                    "holding_cost", rs.getLong(4), "spent", rs.getLong(5), "holders", rs.getLong(6),
                    "notified", rs.getLong(7), "prize_sms", rs.getLong(8), "serials_won_twice", rs.getLong(9));
        }
    }

    Admin kafkaAdmin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.getOrDefault("kafka.bootstrap.servers",
                LocalInfrastructure.fromSystem("kafka.bootstrap.servers")));
        return Admin.create(p);
    }

    /** The tracking topic exists before consumers join, so every consumer gets partitions at once. */
    void createTrackingTopic() throws Exception {
        try (Admin admin = kafkaAdmin()) {
            if (!admin.listTopics().names().get().contains("mmsc-events")) {
                admin.createTopics(List.of(new NewTopic("mmsc-events", 4, (short) 1))).all().get();
            }
        }
    }

    /** The tracking group's lag on mmsc-events: end offsets minus committed offsets, summed. */
    long trackingLag() throws Exception {
        try (Admin admin = kafkaAdmin()) {
            var committed = admin.listConsumerGroupOffsets("baton-tracking").partitionsToOffsetAndMetadata().get();
            var request = new HashMap<org.apache.kafka.common.TopicPartition,
                    org.apache.kafka.clients.admin.OffsetSpec>();
            admin.describeTopics(List.of("mmsc-events")).allTopicNames().get().get("mmsc-events").partitions()
                    .forEach(p -> request.put(new org.apache.kafka.common.TopicPartition("mmsc-events", p.partition()),
                            org.apache.kafka.clients.admin.OffsetSpec.latest()));
            long lag = 0;
            for (var e : admin.listOffsets(request).all().get().entrySet()) {
                var c = committed.get(e.getKey());
                lag += e.getValue().offset() - (c == null ? 0 : c.offset());
            }
            return lag;
        }
    }

    /** Waits until {@code members} consumers of the tracking group hold partitions of mmsc-events. */
    void awaitTrackingMembers(int members) {
        try (Admin admin = kafkaAdmin()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                var g = admin.describeConsumerGroups(List.of("baton-tracking")).all().get().get("baton-tracking");
                return g.members().size() == members && g.members().stream()
                        .allMatch(m -> !m.assignment().topicPartitions().isEmpty());
            });
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        infra.close();
    }
}
