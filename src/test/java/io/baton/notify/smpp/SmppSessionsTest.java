package io.baton.notify.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.baton.db.Transactions;
import io.baton.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Two transceiver binds with a throughput limit, against jSMPP's server side: notices alternate
 * between the binds, each bind's submit_sm reach the SMSC at most {@code max-rate} a second, and
 * when one bind's link drops the other carries the notices while it re-binds, none lost, none twice.
 * Also: a notice claimed but never settled shows in {@code baton_outbox_unsettled{outbox="sms"}}
 * and is not sent again.
 */
@QuarkusTest
@TestProfile(SmppSessionsTest.TwoRateLimitedBinds.class)
class SmppSessionsTest {

    static final int MAX_RATE = 10;
    static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1) / MAX_RATE;

    public static class TwoRateLimitedBinds implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FaultySmscResource.class, Map.of(
                    "baton.smpp.sessions", "2",
                    "baton.smpp.max-rate", Integer.toString(MAX_RATE),
                    // a re-bind takes a second, so the surviving bind visibly works alone meanwhile
                    "baton.smpp.reconnect-backoff", "1s",
                    "baton.smpp.reconnect-backoff-max", "2s")));
        }
    }

    @Inject
    Transactions tx;

    FaultySmsc smsc;

    @BeforeEach
    void bothBound() {
        smsc = FaultySmscResource.smsc;
        await().atMost(Duration.ofSeconds(30)).until(() -> smsc.sessionsBound().size() == 2);
    }

    @Test
    void noticesAlternateBetweenTheTwoBindsAndEachArrivesOnce() {
        List<String> to = HelpNotices.queue("8613905600", 10);
        HelpNotices.awaitEachAcceptedOnceAndSent(smsc, to);
        Map<String, Long> perSession = arrivalsTo(to).stream()
                .collect(Collectors.groupingBy(FaultySmsc.Arrival::sessionId, Collectors.counting()));
        assertThat(perSession).as("submit_sm per bind").hasSize(2);
        assertThat(perSession.values()).as("round robin: an even share each").allSatisfy(n -> assertThat(n)
                .isBetween(4L, 6L));
    }

    @Test
    void eachBindsSubmitsReachTheSmscNoFasterThanMaxRate() {
        List<String> to = HelpNotices.queue("8613905700", 20);
        HelpNotices.awaitEachAcceptedOnceAndSent(smsc, to);
        Map<String, List<Long>> times = arrivalsTo(to).stream().collect(Collectors.groupingBy(
                FaultySmsc.Arrival::sessionId, Collectors.mapping(FaultySmsc.Arrival::nanos, Collectors.toList())));
        assertThat(times).hasSize(2);
        times.forEach((session, arrivals) -> {
            List<Long> sorted = arrivals.stream().sorted().toList();
            // Pacing gives each submit a slot 1/max-rate after the one before; a loaded machine can
            // only delay an arrival behind its slot. So single gaps may shrink (a late submit followed
            // by one on time) and stretch, but the span cannot fall short of (n - 1) slots by more than
            // the first submit's delay: one interval of tolerance. Without the limit the span is a
            // few milliseconds.
            assertThat(sorted.get(sorted.size() - 1) - sorted.get(0)).as("span on %s in ns", session)
                    .isGreaterThanOrEqualTo((sorted.size() - 2) * INTERVAL_NANOS);
        });
    }

    @Test
    void aBurstLongerThanTheResponseTimeoutIsPacedNotFailed() {
        double transientBefore = Api.metric("baton_smpp_submits_total", "result", "transient").orElse(0);
        // 40 per bind at 10/s: the last waits about 4 s for its slot, twice the response-timeout
        List<String> to = HelpNotices.queue("8613905650", 80);
        HelpNotices.awaitEachAcceptedOnceAndSent(smsc, to);
        assertThat(Api.metric("baton_smpp_submits_total", "result", "transient").orElse(0))
                .as("waiting for a rate slot is no failure").isEqualTo(transientBefore);
    }

    @Test
    void whenOneBindDropsTheOtherCarriesOnWhileItRebinds() {
        smsc.dropOnNextSubmit.set(true);
        List<String> to = HelpNotices.queue("8613905800", 20);
        HelpNotices.awaitEachAcceptedOnceAndSent(smsc, to);
        FaultySmsc.Arrival drop = smsc.droppedSession.get();
        assertThat(drop).as("a link dropped with a submit_sm unanswered").isNotNull();
        assertThat(to).contains(drop.destination());
        await().atMost(Duration.ofSeconds(30)).until(() -> smsc.sessionsBound().size() == 2);
        FaultySmsc.Arrival rebind = smsc.binds.stream().filter(b -> b.nanos() > drop.nanos())
                .min(Comparator.comparingLong(FaultySmsc.Arrival::nanos)).orElseThrow();
        List<FaultySmsc.Arrival> meanwhile = arrivalsTo(to).stream()
                .filter(a -> a.nanos() > drop.nanos() && a.nanos() < rebind.nanos()).toList();
        assertThat(meanwhile).as("submit_sm between the drop and the re-bind").isNotEmpty()
                .allSatisfy(a -> assertThat(a.sessionId()).isNotEqualTo(drop.sessionId()));
    }

    @Test
    void aNoticeClaimedWithoutOutcomeShowsInTheGaugeAndIsNotSentAgain() {
        String to = "8613905900001";
        double before = Api.unsettled("sms");
        long id = tx.inTransaction(c -> {
            // what a crash between submit_sm and recording its resp leaves: claimed an hour ago, no segment
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO sms_outbox (to_msisdn, from_address, text, kind, state, relayed_at, sent_at, attempts)
                    VALUES (?, '10658000', 'lost answer', 'help', 'sent', now() - interval '1 hour',
                            now() - interval '1 hour', 1) RETURNING id""")) {
                ps.setString(1, to);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
        });
        tx.inTransaction(c -> {
            // never unsettled: a notice from before attempts were kept (attempts 0), and one the logging
            // sender took while no SMSC was configured (segments 0)
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO sms_outbox (to_msisdn, from_address, text, kind, state, relayed_at, sent_at, attempts,
                                            segments)
                    VALUES (?, '10658000', 'old', 'help', 'sent', now() - interval '1 hour', now() - interval '1 hour', 0,
                            NULL),
                           (?, '10658000', 'logged', 'help', 'sent', now() - interval '1 hour',
                            now() - interval '1 hour', 1, 0)""")) {
                ps.setString(1, "8613905900002");
                ps.setString(2, "8613905900003");
                return ps.executeUpdate();
            }
        });
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> Api.unsettled("sms") >= before + 1);
            assertThat(Api.unsettled("sms")).as("only the lost answer").isEqualTo(before + 1);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> smsc.acceptedCount(to) == 0 && Api.unsettled("sms") >= before + 1);
            assertThat(Api.sms(to)).singleElement().satisfies(m -> assertThat(m).containsEntry("state", "sent"));
        } finally {
            tx.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE sms_outbox SET state = 'failed' WHERE id = ?")) {
                    ps.setLong(1, id);
                    return ps.executeUpdate();
                }
            });
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> Api.unsettled("sms") <= before);
    }

    private List<FaultySmsc.Arrival> arrivalsTo(List<String> to) {
        Set<String> wanted = Set.copyOf(to);
        return smsc.arrivals.stream().filter(a -> wanted.contains(a.destination())).toList();
    }
}
