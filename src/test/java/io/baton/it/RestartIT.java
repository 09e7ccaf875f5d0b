package io.baton.it;

import static org.assertj.core.api.Assertions.assertThat;
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
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.baton.infra.LocalInfrastructure;
import io.baton.support.BatonProcess;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * Kills the packaged app (SIGKILL) while batches are streaming in, starts it again and lets the
 * MMSC re-post what was not acknowledged: every forward is credited exactly once, every serial
 * has exactly one notice, and every notice is sent.
 */
class RestartIT {

    static final int PAIRS = 600;
    static final int BATCH_PAIRS = 50;
    static LocalInfrastructure infra;
    static Map<String, String> settings;
    static Path log;

    @BeforeAll
    static void infrastructure() throws Exception {
        String db = "baton_it_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        infra = LocalInfrastructure.startMissing(LocalInfrastructure::fromSystem, db, true, null);
        settings = new HashMap<>(infra.settings());
        settings.put("baton.clients.it.token", "it-token");
        settings.put("quarkus.security.users.embedded.users.admin", "it-admin");
        settings.put("quarkus.security.users.embedded.roles.admin", "admin");
        settings.put("baton.campaign.directory", Path.of("campaigns").toAbsolutePath().toString());
        log = Files.createTempFile("baton-restart-it-", ".log");
    }

    @AfterAll
    static void stop() {
        if (infra != null) {
            infra.close();
        }
    }

    @Test
    void losesAndDoublesNothingWhenKilledMidStream() throws Exception {
        byte[] torch = Files.readAllBytes(Path.of("campaigns/torch.jpg"));
        List<List<Map<String, Object>>> batches = new ArrayList<>();
        for (int b = 0; b < PAIRS / BATCH_PAIRS; b++) {
            List<Map<String, Object>> batch = new ArrayList<>();
            for (int i = b * BATCH_PAIRS; i < (b + 1) * BATCH_PAIRS; i++) {
                String from = String.format("86139050%05d", i);
                String to = String.format("86139060%05d", i);
                batch.add(Map.of("type", "submit", "messageId", "r-" + i, "from", from, "to", List.of(to),
                        "at", "2008-01-20T10:00:00+08:00", "parts",
                        List.of(Map.of("contentType", "image/jpeg", "data", Base64.getEncoder().encodeToString(torch)))));
                batch.add(Map.of("type", "delivery", "messageId", "r-" + i, "to", to, "status", "retrieved",
                        "at", "2008-01-20T10:00:09+08:00"));
            }
            batches.add(batch);
        }
        int port = freePort();
        List<Integer> unacknowledged = new ArrayList<>();
        try (BatonProcess first = BatonProcess.start(settings, port, log)) {
            for (int b = 0; b < batches.size(); b++) {
                if (b == batches.size() / 2) {
                    first.kill(); // mid-stream, while the consumer is still crediting earlier batches
                }
                if (post(first.baseUri(), batches.get(b)) != 202) {
                    unacknowledged.add(b);
                }
            }
        }
        assertThat(unacknowledged).as("batches posted after the kill").isNotEmpty();
        try (BatonProcess second = BatonProcess.start(settings, port, log)) {
            for (int b : unacknowledged) {
                assertThat(post(second.baseUri(), batches.get(b))).isEqualTo(202);
            }
            // and the MMSC re-posts one acknowledged batch as well: no second effect
            assertThat(post(second.baseUri(), batches.get(0))).isEqualTo(202);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                Map<String, Long> f = figures();
                assertThat(f).containsEntry("forwards", (long) PAIRS)
                        .containsEntry("serials", (long) PAIRS)
                        .containsEntry("notices", (long) PAIRS)
                        .containsEntry("distinct_notice_serials", (long) PAIRS)
                        .containsEntry("sent", (long) PAIRS);
            });
        }
    }

    static int post(String base, List<Map<String, Object>> batch) {
        try {
            return RestAssured.given().baseUri(base).header("Authorization", "Bearer it-token")
                    .contentType(ContentType.JSON).body(batch).post("/api/v1/mmsc/events").statusCode();
        } catch (Exception e) { // REST Assured throws ConnectException undeclared
            return -1; // connection refused or reset: the app is down
        }
    }

    static Map<String, Long> figures() throws Exception {
        try (Connection c = DriverManager.getConnection(settings.get("quarkus.datasource.jdbc.url"),
                settings.get("quarkus.datasource.username"), settings.get("quarkus.datasource.password"));
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("""
                        SELECT (SELECT count(*) FROM forward), (SELECT count(*) FROM serial),
                               (SELECT count(*) FROM sms_outbox WHERE kind = 'serial'),
                               (SELECT count(DISTINCT serial) FROM sms_outbox WHERE kind = 'serial'),
                               (SELECT count(*) FROM sms_outbox WHERE kind = 'serial' AND state = 'sent')""")) {
            rs.next();
            return Map.of("forwards", rs.getLong(1), "serials", rs.getLong(2), "notices", rs.getLong(3),
                    "distinct_notice_serials", rs.getLong(4), "sent", rs.getLong(5));
        }
    }

    static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
