package io.baton.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.baton.support.BatonProcess;

/**
 * Kills the packaged app (SIGKILL) while batches are streaming in, starts it again and lets the
 * MMSC re-post what was not acknowledged: every forward is credited exactly once, every serial
 * has exactly one notice, and every notice is sent. The reference campaign gives instant prizes:
 * after the kill, stock, budget and holders agree with the wins to the unit, no serial won twice,
 * and every confirmed win has its one SMS.
 */
class RestartIT {

    static final int PAIRS = 600;
    static final int BATCH_PAIRS = 50;
    static ItEnvironment env;

    @BeforeAll
    static void infrastructure() throws Exception {
        env = ItEnvironment.start("restart", Path.of("campaigns"));
    }

    @AfterAll
    static void stop() {
        if (env != null) {
            env.close();
        }
    }

    @Test
    void losesAndDoublesNothingWhenKilledMidStream() throws Exception {
        byte[] torch = Files.readAllBytes(Path.of("campaigns/torch.jpg"));
        List<List<Map<String, Object>>> batches = new ArrayList<>();
        for (int b = 0; b < PAIRS / BATCH_PAIRS; b++) {
            batches.add(ItEnvironment.forwards("r-", "8613905", "8613906", b * BATCH_PAIRS, (b + 1) * BATCH_PAIRS,
                    torch, "2008-01-20T10:00:00+08:00"));
        }
        int port = ItEnvironment.freePort();
        List<Integer> unacknowledged = new ArrayList<>();
        try (BatonProcess first = env.baton(port)) {
            for (int b = 0; b < batches.size(); b++) {
                if (b == batches.size() / 2) {
                    first.kill(); // mid-stream, while the consumer is still crediting earlier batches
                }
                if (ItEnvironment.post(first.baseUri(), batches.get(b)) != 202) {
                    unacknowledged.add(b);
                }
            }
        }
        assertThat(unacknowledged).as("batches posted after the kill").isNotEmpty();
        try (BatonProcess second = env.baton(port)) {
            for (int b : unacknowledged) {
                assertThat(ItEnvironment.post(second.baseUri(), batches.get(b))).isEqualTo(202);
            }
            // and the MMSC re-posts one acknowledged batch as well: no second effect
            assertThat(ItEnvironment.post(second.baseUri(), batches.get(0))).isEqualTo(202);
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                Map<String, Long> f = env.figures("%");
                assertThat(f).containsEntry("forwards", (long) PAIRS)
                        .containsEntry("serials", (long) PAIRS)
                        .containsEntry("notices", (long) PAIRS)
                        .containsEntry("distinct_notice_serials", (long) PAIRS)
                        .containsEntry("sent", (long) PAIRS);
            });
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                Map<String, Long> p = env.prizeFigures("olympic-torch-2008");
                assertThat(p.get("wins")).as("the first credits of the day win top-ups").isPositive();
                assertThat(p.get("stock_given")).as("stock").isEqualTo(p.get("holding"));
                assertThat(p.get("spent")).as("budget").isEqualTo(p.get("holding_cost"));
                assertThat(p.get("holders")).as("holders").isEqualTo(p.get("holding"));
                assertThat(p.get("prize_sms")).as("one SMS per confirmed win").isEqualTo(p.get("notified"));
                assertThat(p.get("serials_won_twice")).isZero();
            });
        }
    }
}
