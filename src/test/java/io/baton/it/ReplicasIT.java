package io.baton.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.baton.infra.LocalInfrastructure;
import io.baton.support.BatonProcess;
import io.baton.support.EventFixtures;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * Issue 15, item 4: two Baton instances on one database and one broker. A campaign PUT on A is
 * live on B within two seconds (PostgreSQL LISTEN/NOTIFY), and forwards that B's share of the
 * partitions carries are credited by B.
 */
class ReplicasIT {

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
        settings.put("baton.campaign.directory", Files.createTempDirectory("baton-replicas-campaigns").toString());
        log = Files.createTempFile("baton-replicas-it-", ".log");
    }

    @AfterAll
    static void stop() {
        if (infra != null) {
            infra.close();
        }
    }

    @Test
    void aCampaignPutOnOneInstanceIsLiveOnTheOtherAndItsForwardsAreCreditedThere() throws Exception {
        byte[] image = EventFixtures.image(2_015_004);
        createTrackingTopic();
        try (BatonProcess a = BatonProcess.start(settings, RestartIT.freePort(), log);
                BatonProcess b = BatonProcess.start(settings, RestartIT.freePort(), log)) {
            awaitTwoTrackingMembers();
            long put = System.nanoTime();
            RestAssured.given().baseUri(a.baseUri()).auth().preemptive().basic("admin", "it-admin")
                    .contentType("application/yaml")
                    .body(EventFixtures.campaignYaml("replicas", "10651504", image, "#replicas#")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                    .put("/api/v1/campaigns/replicas").then().statusCode(201);
            await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).until(() -> RestAssured.given()
                    .baseUri(b.baseUri()).get("/api/v1/campaigns/replicas").then().extract().statusCode() == 200);
            long liveOnB = (System.nanoTime() - put) / 1_000_000;

            List<Map<String, Object>> events = new ArrayList<>();
            int forwards = 40;
            for (int i = 0; i < forwards; i++) {
                String from = String.format("86150%08d", 150_400 + i);
                String to = String.format("86151%08d", 150_400 + i);
                events.add(Map.of("type", "submit", "messageId", "rep-" + i, "from", from, "to", List.of(to),
                        "at", "2008-05-01T10:00:00+08:00", "parts", List.of(Map.of("contentType", "image/jpeg",
                                "data", Base64.getEncoder().encodeToString(image)))));
                events.add(Map.of("type", "delivery", "messageId", "rep-" + i, "to", to, "status", "retrieved",
                        "at", "2008-05-01T10:00:09+08:00"));
            }
            RestAssured.given().baseUri(a.baseUri()).header("Authorization", "Bearer it-token")
                    .contentType(ContentType.JSON).body(events).post("/api/v1/mmsc/events").then().statusCode(202);
            await().atMost(Duration.ofSeconds(60)).until(() -> RestAssured.given().baseUri(a.baseUri())
                    .get("/api/v1/campaigns/replicas/stats").then().extract().jsonPath().getInt("forwards") == forwards);
            double byA = credited(a);
            double byB = credited(b);
            assertThat(byA + byB).isEqualTo(forwards);
            assertThat(byB).as("forwards credited by B (live on B %d ms after the PUT on A)", liveOnB).isPositive();
            assertThat(RestAssured.given().baseUri(b.baseUri()).get("/api/v1/campaigns/replicas/stats").then().extract()
                    .jsonPath().getInt("serialsIssued")).isEqualTo(forwards);
        }
    }

    private static double credited(BatonProcess p) {
        String metrics = RestAssured.given().baseUri(p.baseUri()).get("/q/metrics").then().statusCode(200).extract()
                .asString();
        Matcher m = Pattern.compile("(?m)^baton_forwards_credited_total\\{campaign=\"replicas\"[^}]*} (\\S+)$")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static Admin admin() {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.getOrDefault("kafka.bootstrap.servers",
                LocalInfrastructure.fromSystem("kafka.bootstrap.servers")));
        return Admin.create(p);
    }

    /** The topic exists before the consumers join, so both get partitions at once. */
    private static void createTrackingTopic() throws Exception {
        try (Admin admin = admin()) {
            if (!admin.listTopics().names().get().contains("mmsc-events")) {
                admin.createTopics(List.of(new org.apache.kafka.clients.admin.NewTopic("mmsc-events", 4, (short) 1)))
                        .all().get();
            }
        }
    }

    /** Both instances hold partitions of mmsc-events in the tracking group. */
    private static void awaitTwoTrackingMembers() {
        try (Admin admin = admin()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                ConsumerGroupDescription g = admin.describeConsumerGroups(List.of("baton-tracking")).all().get()
                        .get("baton-tracking");
                return g.members().size() == 2 && g.members().stream()
                        .allMatch(m -> !m.assignment().topicPartitions().isEmpty());
            });
        }
    }
}
