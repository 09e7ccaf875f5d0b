package io.baton.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.baton.infra.EmbeddedKafka;
import io.baton.infra.LocalInfrastructure;
import io.baton.infra.LocalPostgres;
import io.baton.support.BatonProcess;
import io.baton.support.EventFixtures;
import io.restassured.RestAssured;

/**
 * Issue 15, item 7: the packaged app on a PostgreSQL server and a Kafka broker of the test's own,
 * while an MMSC streams forwards at it. PostgreSQL is stopped for 60 s, the broker is stopped and
 * started again: Baton stays up throughout, and afterwards every forward is credited exactly once
 * with one serial and one sent notice, nothing was dead-lettered, the tracking consumer has caught
 * up (lag 0) and does not report waiting for the database.
 */
class OutagesIT {

    static final Duration POSTGRES_DOWN = Duration.ofSeconds(60);
    static final Duration KAFKA_DOWN = Duration.ofSeconds(20);
    static final int BATCH = 20;

    static ItEnvironment env;
    static BatonProcess baton;

    @BeforeAll
    static void start() throws Exception {
        env = ItEnvironment.start("outages",
                key -> "baton.infra.local-postgres".equals(key) ? "false" : LocalInfrastructure.fromSystem(key), null);
        // the MMSC hears within 5 s that a batch could not be made durable (default 30 s)
        env.settings.put("baton.ingest.publish-timeout", "5s");
        baton = env.baton(ItEnvironment.freePort());
    }

    @AfterAll
    static void stop() throws Exception {
        if (baton != null) {
            baton.close();
        }
        if (env != null) {
            env.close();
        }
    }

    @Test
    void postgresDownForAMinuteLosesAndDoublesNothing() throws Exception {
        LocalPostgres pg = env.infra.postgres().filter(LocalPostgres::stoppable).orElse(null);
        Assumptions.assumeTrue(pg != null, "PostgreSQL is configured from outside: this test stops only its own");
        byte[] image = EventFixtures.image(2_015_071);
        ItEnvironment.putCampaign(baton, "pg-outage", EventFixtures.campaignYaml("pg-outage", "10651571", image,
                "#pg-outage#"));
        Stream stream = Stream.start("pgo-", "86150", image);
        await().atMost(Duration.ofSeconds(60)).until(() -> env.figures("pg-outage").get("forwards") >= BATCH);
        pg.stop();
        try {
            int acceptedBefore = stream.acknowledged.get();
            // ingest needs no database: batches are still acknowledged; the consumer waits
            await().atMost(POSTGRES_DOWN).until(() -> waitingForDatabase() == 1);
            await().atMost(POSTGRES_DOWN).until(() -> stream.acknowledged.get() > acceptedBefore);
            // the outage lasts its minute, and Baton stays up through it
            await().during(POSTGRES_DOWN.minusSeconds(10)).atMost(POSTGRES_DOWN).until(() -> baton.alive());
        } finally {
            pg.restart();
        }
        stream.finishAfter(10);
        assertAllCreditedOnce("pg-outage", stream.acknowledged.get() * BATCH);
    }

    @Test
    void kafkaRestartedMidStreamLosesAndDoublesNothing() throws Exception {
        EmbeddedKafka kafka = env.infra.kafka().orElse(null);
        Assumptions.assumeTrue(kafka != null, "Kafka is configured from outside: this test stops only its own");
        byte[] image = EventFixtures.image(2_015_072);
        ItEnvironment.putCampaign(baton, "kafka-outage", EventFixtures.campaignYaml("kafka-outage", "10651572", image,
                "#kafka-outage#"));
        Stream stream = Stream.start("kfo-", "86150", image);
        await().atMost(Duration.ofSeconds(60)).until(() -> env.figures("kafka-outage").get("forwards") >= BATCH);
        kafka.stop();
        try {
            int refusedBefore = stream.refused.get();
            // ingest cannot make events durable: it says so (503), and the MMSC posts them again later
            await().atMost(KAFKA_DOWN).until(() -> stream.refused.get() > refusedBefore);
            await().during(KAFKA_DOWN.minusSeconds(5)).atMost(KAFKA_DOWN).until(() -> baton.alive());
        } finally {
            kafka.restart();
        }
        stream.finishAfter(10);
        assertAllCreditedOnce("kafka-outage", stream.acknowledged.get() * BATCH);
    }

    private static void assertAllCreditedOnce(String campaign, long forwards) throws Exception {
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            Map<String, Long> f = env.figures(campaign);
            assertThat(f).containsEntry("forwards", forwards)
                    .containsEntry("serials", forwards)
                    .containsEntry("serial_forwards", forwards)
                    .containsEntry("notices", forwards)
                    .containsEntry("distinct_notice_serials", forwards)
                    .containsEntry("sent", forwards)
                    .containsEntry("dead_letters", 0L);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(env.trackingLag()).isZero());
        assertThat(waitingForDatabase()).isZero();
        // back in readiness: a probe after an outage may still see a client reconnecting, not for long
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> assertThat(baton.readiness()).startsWith("200 "));
        assertThat(RestAssured.given().baseUri(baton.baseUri()).get("/api/v1/campaigns/" + campaign + "/stats").then()
                .statusCode(200).extract().jsonPath().getLong("forwards")).isEqualTo(forwards);
    }

    private static double waitingForDatabase() {
        try {
            String metrics = RestAssured.given().baseUri(baton.baseUri()).get("/q/metrics").then().statusCode(200)
                    .extract().asString();
            Matcher m = Pattern.compile("(?m)^baton_tracking_waiting_for_database(?:\\{[^}]*})? (\\S+)$")
                    .matcher(metrics);
            return m.find() ? Double.parseDouble(m.group(1)) : -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /**
     * The MMSC: posts a batch of {@link #BATCH} forwards every 200 ms, each batch again and again
     * until it is acknowledged (202), as the ingest contract asks, until told to finish.
     */
    static final class Stream extends Thread {
        final AtomicInteger acknowledged = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        private final String ids;
        private final String senders;
        private final byte[] image;
        private volatile int lastBatch = Integer.MAX_VALUE;
        private volatile Throwable failure;

        private Stream(String ids, String senders, byte[] image) {
            super("mmsc-stream-" + ids);
            this.ids = ids;
            this.senders = senders;
            this.image = image;
            setDaemon(true);
        }

        static Stream start(String ids, String senders, byte[] image) {
            Stream s = new Stream(ids, senders, image);
            s.start();
            return s;
        }

        @Override
        public void run() {
            try {
                for (int b = 0; b < lastBatch; b++) {
                    List<Map<String, Object>> batch = ItEnvironment.forwards(ids, senders, "86151", b * BATCH,
                            (b + 1) * BATCH, image, "2008-05-01T10:00:00+08:00");
                    while (ItEnvironment.post(baton.baseUri(), batch) != 202) {
                        refused.incrementAndGet();
                        Thread.sleep(200); // the MMSC's retry interval
                    }
                    acknowledged.incrementAndGet();
                    Thread.sleep(200); // the stream's pace
                }
            } catch (Throwable t) {
                failure = t;
            }
        }

        /** Lets {@code more} further batches be acknowledged, then ends the stream and waits for it. */
        void finishAfter(int more) throws Exception {
            lastBatch = acknowledged.get() + more;
            join(Duration.ofSeconds(180).toMillis());
            assertThat(isAlive()).as("stream still posting").isFalse();
            if (failure != null) {
                throw new AssertionError("the stream failed", failure);
            }
        }
    }
}
