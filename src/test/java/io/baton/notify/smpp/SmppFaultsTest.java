package io.baton.notify.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.baton.support.Api;
import io.baton.support.EventFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The SMSC misbehaves (jSMPP's server side, faults under the test's control): it answers
 * ESME_RTHROTTLED, drops the connection with submit_sm in flight, refuses binds, refuses a
 * destination. Every notice still reaches it exactly once, none is lost, none sent twice, the
 * window is never exceeded, and its hex ids are matched to its decimal receipts.
 */
@QuarkusTest
@TestProfile(SmppFaultsTest.AgainstFaultySmsc.class)
class SmppFaultsTest {

    static final int WINDOW = 3;
    static volatile FaultySmsc smsc;

    public static class AgainstFaultySmsc implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FaultySmscResource.class,
                    Map.of("baton.smpp.window", Integer.toString(WINDOW))));
        }
    }

    @BeforeEach
    void smsc() {
        smsc = FaultySmscResource.smsc;
    }

    @Test
    void throttledNoticesAreRetriedAndEachReachesTheSmscOnceAndIsDelivered() {
        awaitBound();
        int throttledBefore = smsc.throttled.get();
        smsc.throttleNext.set(6);
        List<String> to = HelpNotices.queue("8613905200", 10);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            for (String msisdn : to) {
                assertThat(Api.sms(msisdn)).singleElement().satisfies(m -> assertThat(m)
                        .as("receipt %s in decimal matched to the hex id", msisdn).containsEntry("state", "delivered"));
            }
        });
        assertThat(smsc.throttled.get() - throttledBefore).isEqualTo(6);
        to.forEach(m -> assertThat(smsc.acceptedCount(m)).as(m).isEqualTo(1));
        assertThat(smsc.maxInFlight.get()).as("window").isLessThanOrEqualTo(WINDOW);
    }

    @Test
    void aConnectionDroppedMidWindowLosesNothingAndSendsNothingTwice() {
        awaitBound();
        smsc.dropWhenInFlight.set(WINDOW);
        List<String> to = HelpNotices.queue("8613905300", 20);
        HelpNotices.awaitEachAcceptedOnceAndSent(smsc, to);
        assertThat(smsc.drops.get()).isEqualTo(1);
        assertThat(smsc.inFlightAtDrop.get()).as("submit_sm unanswered when the link dropped").isEqualTo(WINDOW);
        to.forEach(m -> assertThat(smsc.acceptedCount(m)).as(m).isEqualTo(1));
        assertThat(smsc.maxInFlight.get()).as("window").isLessThanOrEqualTo(WINDOW);
    }

    @Test
    void refusedBindsAreRetriedWithBackoffAndQueuedNoticesGoOutOnceBound() {
        awaitBound();
        smsc.refuseBinds.set(3);
        smsc.dropAll();
        List<String> to = HelpNotices.queue("8613905400", 5);
        HelpNotices.awaitEachAcceptedOnceAndSent(smsc, to);
        assertThat(smsc.refusedBinds.get()).isEqualTo(3);
    }

    @Test
    void aLongNoticeGoesInSegmentsAndARetrySendsOnlyTheSegmentNotAccepted() {
        awaitBound();
        String help = "回复2008获取奥运火炬彩信，转发给朋友即可参加火炬接力。".repeat(3); // 84 UCS-2 units: 2 segments
        Api.putCampaign("smpp-long", EventFixtures.campaignYaml("smpp-long", "10658066", EventFixtures.image(66),
                "#smpp-long#").replace("  serial: \"serial {serial}\"", "  serial: \"serial {serial}\"\n  help: \""
                        + help + "\"")).statusCode(anyOf(equalTo(200), equalTo(201)));
        String to = "8613905500001";
        smsc.throttleSubmitNumber.set(2); // the second segment is throttled once
        Api.mo(to, "10658066", "hello?", "2008-01-11T18:00:00+08:00").statusCode(202);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(Api.sms(to)).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("text", help).containsEntry("state", "delivered")));
        assertThat(smsc.acceptedSegments.get(to)).as("segment 1 once, segment 2 once after its retry")
                .containsExactly(1, 2);
        assertThat(smsc.throttleSubmitNumber.get()).as("the throttled submit happened").isNegative();
    }

    @Test
    void aPermanentRefusalEndsTheNoticeFailedWithTheReason() {
        awaitBound();
        String refused = FaultySmsc.REFUSED_PREFIX + "000001";
        Api.mo(refused, "10658000", "hello?", "2008-01-11T18:00:00+08:00").statusCode(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Api.sms(refused)).singleElement()
                .satisfies(m -> assertThat(m).containsEntry("state", "failed")));
        assertThat(smsc.acceptedCount(refused)).isZero();
    }

    private static void awaitBound() {
        await().atMost(Duration.ofSeconds(30)).until(() -> !smsc.sessionsBound().isEmpty());
    }
}
