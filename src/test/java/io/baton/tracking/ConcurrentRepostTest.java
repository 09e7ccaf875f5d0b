package io.baton.tracking;

import static io.baton.support.EventFixtures.delivery;
import static io.baton.support.EventFixtures.part;
import static io.baton.support.EventFixtures.submit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import io.baton.serial.domain.SerialNumber;
import io.baton.support.Api;
import io.baton.support.EventFixtures;
import io.quarkus.test.junit.QuarkusTest;

/** The same events posted from 8 threads at once, each in its own order: no serial twice, no notice twice. */
@QuarkusTest
class ConcurrentRepostTest {

    static final String CAMPAIGN = "concurrency";
    static final byte[] IMAGE = EventFixtures.image(8008);
    static final int SENDERS = 40;
    static final int RECIPIENTS_EACH = 3;

    @Test
    void issuesOneSerialAndOneNoticePerForwardWhateverTheInterleaving() throws Exception {
        Api.putCampaign(CAMPAIGN, EventFixtures.campaignYaml(CAMPAIGN, "10650808", IMAGE, "#concurrency#"))
                .statusCode(anyOf(equalTo(200), equalTo(201)));
        List<Map<String, Object>> events = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            String sender = String.format("86150%08d", 800_000 + s);
            for (int r = 0; r < RECIPIENTS_EACH; r++) {
                String recipient = String.format("86151%08d", 800_000 + s * 10 + r);
                String id = "cc-" + s + "-" + r;
                events.add(submit("nj-1", id, sender, recipient, "2008-04-01T10:00:00+08:00",
                        List.of(part("image/jpeg", IMAGE))));
                // the handset re-sends, too
                events.add(submit("nj-1", id + "-again", sender, recipient, "2008-04-01T10:01:00+08:00",
                        List.of(part("image/jpeg", IMAGE))));
                events.add(delivery("sz-2", id, recipient, "retrieved", "2008-04-01T10:00:09+08:00"));
                events.add(delivery("sz-2", id + "-again", recipient, "retrieved", "2008-04-01T10:01:09+08:00"));
            }
        }
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> posts = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            List<Map<String, Object>> mine = new ArrayList<>(events);
            Collections.shuffle(mine, new Random(t));
            posts.add(pool.submit(() -> {
                start.await();
                return Api.postEvents(mine).statusCode(202).extract().path("accepted");
            }));
        }
        start.countDown();
        for (Future<Integer> f : posts) {
            assertThat(f.get()).isEqualTo(events.size());
        }
        pool.shutdown();

        int expected = SENDERS * RECIPIENTS_EACH;
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Api.stats(CAMPAIGN))
                .containsEntry("forwards", expected)
                .containsEntry("serialsIssued", expected)
                .containsEntry("participants", SENDERS)
                .containsEntry("duplicatesIgnored", expected));

        Set<String> serials = new HashSet<>();
        Set<Long> sequences = new HashSet<>();
        for (int s = 0; s < SENDERS; s++) {
            String sender = String.format("86150%08d", 800_000 + s);
            List<Map<String, Object>> mine = Api.serials(CAMPAIGN, sender);
            assertThat(mine).hasSize(RECIPIENTS_EACH);
            for (Map<String, Object> m : mine) {
                String serial = (String) m.get("serial");
                assertThat(serials.add(serial)).as("serial %s issued twice", serial).isTrue();
                sequences.add(SerialNumber.parse(serial).orElseThrow().sequence());
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                List<Map<String, Object>> sms = Api.sms(sender);
                assertThat(sms).hasSize(RECIPIENTS_EACH).allSatisfy(n -> assertThat(n).containsEntry("state", "sent"));
                assertThat(sms).extracting(n -> n.get("serial")).doesNotHaveDuplicates();
            });
        }
        // the sequence has no gaps and no repeats: 1..N
        assertThat(sequences).hasSize(expected);
        assertThat(Collections.min(sequences)).isEqualTo(1L);
        assertThat(Collections.max(sequences)).isEqualTo((long) expected);
    }
}
