package io.baton.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.baton.notify.smpp.domain.DeliveryReceipt;
import io.baton.notify.store.SmsOutboxRepository;
import io.baton.notify.store.SmsOutboxRepository.Notice;
import io.baton.notify.store.SmsOutboxRepository.Queued;
import io.baton.notify.store.SmsOutboxRepository.SmsView;
import io.baton.support.SeededRandom;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Issue 15, item 5: the states of an SMS notice have one owner, the outbox store, and every change
 * is conditional on the state (and attempt, or version) it expects. The test plays the relay and the
 * sender itself against the real store, racing on purpose; the application's own relay and sender
 * are kept off the table by the profile (no scheduled relay, the consumer reads another topic).
 */
@QuarkusTest
@TestProfile(NoticeStatesTest.TestOwnsTheOutbox.class)
class NoticeStatesTest {

    public static class TestOwnsTheOutbox implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("baton.notify.relay-interval", "1h",
                    "mp.messaging.incoming.sms-outbound-in.topic", "sms-outbound-not-read");
        }
    }

    @Inject
    SmsOutboxRepository outbox;

    /** The interleaving of the defect: a retry between the relay's publish and its mark. */
    @Test
    void aRetryWhileTheRelayIsInFlightIsRelayedAgainNotStranded() {
        String to = "8613905600001";
        outbox.enqueue(new Notice(null, to, "10658000", "race", "help", null));
        Queued read = mine(outbox.unrelayed(10_000), to);
        // the record reaches the sender before the relay marks the row: attempt 1 is throttled
        OptionalInt attempt = outbox.claimAttempt(read.id(), read.version());
        assertThat(attempt).hasValue(1);
        assertThat(outbox.retryLater(read.id(), 1, "throttled", Duration.ZERO)).isTrue();
        // now the relay marks what it published
        outbox.markRelayed(List.of(read));
        Queued again = mine(outbox.unrelayed(10_000), to);
        assertThat(again.version()).isEqualTo(read.version() + 1);
        // the old record, delivered once more by Kafka, cannot claim the notice; the new one can
        assertThat(outbox.claimAttempt(read.id(), read.version())).isEmpty();
        assertThat(outbox.claimAttempt(again.id(), again.version())).hasValue(2);
        // the outcome of attempt 1 arriving late changes nothing
        assertThat(outbox.failed(read.id(), 1, "late")).isFalse();
        assertThat(outbox.retryLater(read.id(), 1, "late", Duration.ZERO)).isFalse();
    }

    private static Queued mine(List<Queued> rows, String to) {
        return rows.stream().filter(q -> q.to().equals(to)).findFirst()
                .orElseThrow(() -> new AssertionError("notice to " + to + " is not waiting to be relayed"));
    }

    /**
     * 300 notices; a relay and four senders at once; Kafka's redelivery played by records
     * published twice; a third of the attempts throttled, some notices throttled until they give
     * up. Every notice ends in exactly one final state and the delivered ones reached the SMSC once.
     */
    @Test
    void everyNoticeEndsInOneFinalStateAndIsSentExactlyOnce() throws Exception {
        int notices = 300;
        int maxAttempts = 4;
        String prefix = "86139057";
        List<String> recipients = new ArrayList<>();
        for (int i = 0; i < notices; i++) {
            recipients.add(prefix + String.format("%05d", i));
            outbox.enqueue(new Notice(null, recipients.get(i), "10658000", "notice " + i, "help", null));
        }
        LinkedBlockingQueue<Queued> topic = new LinkedBlockingQueue<>();
        Map<Long, AtomicInteger> accepted = new ConcurrentHashMap<>();
        Map<Long, String> ended = new ConcurrentHashMap<>(); // what the senders saw the store accept as final
        AtomicBoolean done = new AtomicBoolean();
        ExecutorService actors = Executors.newFixedThreadPool(5);
        List<java.util.concurrent.Future<?>> running = new ArrayList<>();
        for (int r = 0; r < 1; r++) {
            SeededRandom random = new SeededRandom(500 + r);
            running.add(actors.submit(() -> {
                while (!done.get()) {
                    List<Queued> rows = outbox.unrelayed(40).stream().filter(q -> q.to().startsWith(prefix)).toList();
                    for (Queued q : rows) {
                        topic.add(q);
                        if (random.nextInt(5) == 0) {
                            topic.add(q); // redelivered
                        }
                    }
                    LockSupport.parkNanos(random.nextInt(3_000_000)); // let the senders overtake the mark
                    outbox.markRelayed(rows);
                    if (rows.isEmpty()) {
                        LockSupport.parkNanos(1_000_000);
                    }
                }
                return null;
            }));
        }
        for (int s = 0; s < 4; s++) {
            SeededRandom random = new SeededRandom(600 + s);
            running.add(actors.submit(() -> {
                while (!done.get()) {
                    Queued q = topic.poll(10, TimeUnit.MILLISECONDS);
                    if (q == null) {
                        continue;
                    }
                    OptionalInt attempt = outbox.claimAttempt(q.id(), q.version());
                    if (attempt.isEmpty()) {
                        continue;
                    }
                    int a = attempt.getAsInt();
                    // notices to numbers ending in 7 are always throttled: they give up
                    boolean throttled = q.to().endsWith("7") || random.nextInt(3) == 0;
                    if (!throttled) {
                        accepted.computeIfAbsent(q.id(), id -> new AtomicInteger()).incrementAndGet();
                        outbox.segmentAccepted(q.id(), 1, 1, "race-" + q.id());
                        outbox.applyReceipt(List.of("race-" + q.id()), DeliveryReceipt.Outcome.DELIVERED)
                                .filter(m -> m.state().equals("delivered")).ifPresent(m -> ended.put(q.id(), m.state()));
                    } else if (a < maxAttempts) {
                        outbox.retryLater(q.id(), a, "throttled", Duration.ZERO);
                    } else if (outbox.failed(q.id(), a, "gave up after " + a + " attempts")) {
                        ended.put(q.id(), "failed");
                    }
                }
                return null;
            }));
        }
        try {
            await().atMost(Duration.ofSeconds(90)).until(() -> ended.size() == notices);
        } finally {
            done.set(true);
            actors.shutdown();
            assertThat(actors.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        for (java.util.concurrent.Future<?> f : running) {
            f.get(); // an actor that failed fails the test
        }
        int failed = 0;
        for (String to : recipients) {
            List<SmsView> sms = outbox.sentTo(to, 10);
            assertThat(sms).as(to).hasSize(1);
            SmsView v = sms.get(0);
            assertThat(v.state()).as(to).isIn("delivered", "failed").isEqualTo(ended.get(v.id()));
            AtomicInteger sent = accepted.get(v.id());
            if (v.state().equals("delivered")) {
                assertThat(sent).as("%s sent", to).isNotNull();
                assertThat(sent.get()).as("%s sent", to).isEqualTo(1);
            } else {
                failed++;
                assertThat(sent).as("%s failed, yet sent", to).isNull();
            }
        }
        assertThat(failed).as("every notice to a number ending in 7 gives up").isGreaterThanOrEqualTo(notices / 10);
    }
}
