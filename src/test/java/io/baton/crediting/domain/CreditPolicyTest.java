package io.baton.crediting.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.baton.campaign.domain.Campaign;
import io.baton.common.Msisdn;

class CreditPolicyTest {

    private static final OffsetDateTime STARTS = OffsetDateTime.parse("2008-01-10T00:00:00+08:00");
    private static final OffsetDateTime ENDS = OffsetDateTime.parse("2008-02-09T00:00:00+08:00");
    private static final OffsetDateTime SUBMITTED = OffsetDateTime.parse("2008-01-20T12:00:00+08:00");
    private static final Msisdn ALICE = Msisdn.parse("8613905000001");
    private static final Msisdn BOB = Msisdn.parse("8613906000002");

    private static Campaign campaign(int maxPerPair, int maxPerDay, Duration resendWindow) {
        return new Campaign("torch", "Torch", ZoneId.of("Asia/Shanghai"), STARTS, ENDS, "10658000",
                new Campaign.Seed("", List.of(), List.of(), Optional.empty()), List.of(),
                new Campaign.CreditingRules("retrieved", maxPerPair, maxPerDay, resendWindow), "T08",
                new Campaign.Notices("Your serial is {serial}", "help"), Campaign.RecognitionRules.DEFAULTS,
                Optional.empty());
    }

    private static final Campaign DEFAULT_RULES = campaign(1, 50, Duration.ofHours(24));

    private static CreditCandidate forward(Msisdn from, Msisdn to, OffsetDateTime submittedAt) {
        return new CreditCandidate("torch", "msg-1", from, to, submittedAt, submittedAt.plusMinutes(1));
    }

    private static CreditHistory history(int creditsThatDay, OffsetDateTime... pairSubmits) {
        return new CreditHistory(List.of(pairSubmits), creditsThatDay);
    }

    private static CreditDecision decide(Campaign c, CreditCandidate candidate, CreditHistory h) {
        return CreditPolicy.decide(c, candidate, h);
    }

    private static CreditDecision.Rejected rejected(RejectionReason reason) {
        return new CreditDecision.Rejected(reason);
    }

    @Test
    void creditsAFirstForwardBetweenTwoSubscribersInsideTheCampaign() {
        assertThat(decide(DEFAULT_RULES, forward(ALICE, BOB, SUBMITTED), history(0)))
                .isEqualTo(new CreditDecision.Credited());
    }

    @Test
    void rejectsAForwardToOneself() {
        assertThat(decide(DEFAULT_RULES, forward(ALICE, Msisdn.parse("+86 139 0500 0001"), SUBMITTED), history(0)))
                .isEqualTo(rejected(RejectionReason.SELF_SEND));
    }

    @Test
    void selfSendIsReportedBeforeEveryOtherRule() {
        CreditHistory everythingExhausted = history(50, SUBMITTED.minusHours(1));
        assertThat(decide(DEFAULT_RULES, forward(ALICE, ALICE, ENDS.plusDays(3)), everythingExhausted))
                .isEqualTo(rejected(RejectionReason.SELF_SEND));
    }

    @Test
    void rejectsAForwardSubmittedBeforeTheCampaignStarts() {
        assertThat(decide(DEFAULT_RULES, forward(ALICE, BOB, STARTS.minusSeconds(1)), history(0)))
                .isEqualTo(rejected(RejectionReason.OUTSIDE_CAMPAIGN));
    }

    @Test
    void theCampaignWindowIncludesItsStartAndExcludesItsEnd() {
        assertThat(decide(DEFAULT_RULES, forward(ALICE, BOB, STARTS), history(0)))
                .isEqualTo(new CreditDecision.Credited());
        assertThat(decide(DEFAULT_RULES, forward(ALICE, BOB, ENDS.minusNanos(1)), history(0)))
                .isEqualTo(new CreditDecision.Credited());
        assertThat(decide(DEFAULT_RULES, forward(ALICE, BOB, ENDS), history(0)))
                .isEqualTo(rejected(RejectionReason.OUTSIDE_CAMPAIGN));
    }

    @Test
    void outsideTheCampaignIsReportedBeforeResendAndLimits() {
        OffsetDateTime late = ENDS.plusHours(1);
        assertThat(decide(DEFAULT_RULES, forward(ALICE, BOB, late), history(50, late.minusMinutes(5))))
                .isEqualTo(rejected(RejectionReason.OUTSIDE_CAMPAIGN));
    }

    @Test
    void rejectsASecondCreditForTheSamePairWithinTheResendWindowAsResent() {
        assertThat(decide(DEFAULT_RULES, forward(ALICE, BOB, SUBMITTED), history(1, SUBMITTED.minusHours(23))))
                .isEqualTo(rejected(RejectionReason.RESENT));
    }

    @Test
    void anEarlierCreditSubmittedAfterTheCandidateAlsoCountsAsResent() {
        assertThat(decide(DEFAULT_RULES, forward(ALICE, BOB, SUBMITTED), history(1, SUBMITTED.plusMinutes(10))))
                .isEqualTo(rejected(RejectionReason.RESENT));
    }

    @Test
    void resentIsReportedBeforeThePairAndDailyLimits() {
        Campaign strict = campaign(1, 1, Duration.ofHours(24));
        assertThat(decide(strict, forward(ALICE, BOB, SUBMITTED), history(1, SUBMITTED.minusMinutes(1))))
                .isEqualTo(rejected(RejectionReason.RESENT));
    }

    @Test
    void rejectsASecondCreditForTheSamePairOutsideTheResendWindowAsPairLimit() {
        assertThat(decide(DEFAULT_RULES, forward(ALICE, BOB, SUBMITTED), history(0, SUBMITTED.minusHours(25))))
                .isEqualTo(rejected(RejectionReason.PAIR_LIMIT));
    }

    @Test
    void aCreditExactlyOneResendWindowAgoIsNoLongerAResend() {
        assertThat(decide(DEFAULT_RULES, forward(ALICE, BOB, SUBMITTED), history(0, SUBMITTED.minusHours(24))))
                .isEqualTo(rejected(RejectionReason.PAIR_LIMIT));
    }

    @Test
    void creditsThePairAgainWhileBelowMaxCreditsPerPair() {
        Campaign twoPerPair = campaign(2, 50, Duration.ofHours(24));
        assertThat(decide(twoPerPair, forward(ALICE, BOB, SUBMITTED), history(0, SUBMITTED.minusDays(2))))
                .isEqualTo(new CreditDecision.Credited());
        assertThat(decide(twoPerPair, forward(ALICE, BOB, SUBMITTED),
                history(0, SUBMITTED.minusDays(2), SUBMITTED.minusDays(4))))
                .isEqualTo(rejected(RejectionReason.PAIR_LIMIT));
    }

    @Test
    void theResendWindowComesFromTheCampaign() {
        Campaign shortWindow = campaign(5, 50, Duration.ofMinutes(10));
        assertThat(decide(shortWindow, forward(ALICE, BOB, SUBMITTED), history(0, SUBMITTED.minusMinutes(9))))
                .isEqualTo(rejected(RejectionReason.RESENT));
        assertThat(decide(shortWindow, forward(ALICE, BOB, SUBMITTED), history(0, SUBMITTED.minusMinutes(11))))
                .isEqualTo(new CreditDecision.Credited());
    }

    @Test
    void rejectsASenderWhoReachedTheDailyLimit() {
        assertThat(decide(DEFAULT_RULES, forward(ALICE, BOB, SUBMITTED), history(50)))
                .isEqualTo(rejected(RejectionReason.DAILY_LIMIT));
        assertThat(decide(DEFAULT_RULES, forward(ALICE, BOB, SUBMITTED), history(49)))
                .isEqualTo(new CreditDecision.Credited());
    }

    @Test
    void pairLimitIsReportedBeforeTheDailyLimit() {
        assertThat(decide(DEFAULT_RULES, forward(ALICE, BOB, SUBMITTED), history(50, SUBMITTED.minusDays(3))))
                .isEqualTo(rejected(RejectionReason.PAIR_LIMIT));
    }

    @Test
    void onlyResentAndPairLimitCountAsDuplicates() {
        assertThat(RejectionReason.RESENT.isDuplicate()).isTrue();
        assertThat(RejectionReason.PAIR_LIMIT.isDuplicate()).isTrue();
        assertThat(RejectionReason.SELF_SEND.isDuplicate()).isFalse();
        assertThat(RejectionReason.OUTSIDE_CAMPAIGN.isDuplicate()).isFalse();
        assertThat(RejectionReason.DAILY_LIMIT.isDuplicate()).isFalse();
    }

    @Test
    void historyIsACopyOfTheGivenTimes() {
        java.util.List<OffsetDateTime> times = new java.util.ArrayList<>(List.of(SUBMITTED.minusDays(3)));
        CreditHistory h = new CreditHistory(times, 0);
        times.clear();
        assertThat(decide(DEFAULT_RULES, forward(ALICE, BOB, SUBMITTED), h))
                .isEqualTo(rejected(RejectionReason.PAIR_LIMIT));
    }
}
