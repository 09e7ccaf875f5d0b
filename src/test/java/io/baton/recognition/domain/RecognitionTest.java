package io.baton.recognition.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class RecognitionTest {

    private static Evidence decisive(String campaign, Signal s, double score) {
        return new Evidence(campaign, s, true, score, s + " for " + campaign);
    }

    private static Evidence nearMiss(String campaign, Signal s, double score) {
        return new Evidence(campaign, s, false, score, s + " close to " + campaign);
    }

    @Test
    void oneDecisiveSignalRecognisesItsCampaignWithItsScore() {
        Recognition r = Recognition.decide(List.of(decisive("torch", Signal.IMAGE, 0.9)));
        assertThat(r.campaignId()).contains("torch");
        assertThat(r.confidence()).isEqualTo(0.9);
    }

    @Test
    void agreeingSignalsCombineAsIndependentWitnesses() {
        Recognition r = Recognition.decide(List.of(decisive("torch", Signal.IMAGE, 0.9),
                decisive("torch", Signal.TEXT, 0.8)));
        assertThat(r.confidence()).isCloseTo(1 - 0.1 * 0.2, within(1e-9));
    }

    @Test
    void nearMissesAloneRecogniseNothingButStayAsTheReason() {
        Recognition r = Recognition.decide(List.of(nearMiss("torch", Signal.TEXT, 0.6),
                nearMiss("spring", Signal.IMAGE, 0.4)));
        assertThat(r.recognised()).isFalse();
        assertThat(r.confidence()).isZero();
        assertThat(r.closestCampaign()).contains("torch");
        assertThat(r.reason()).isEqualTo("near miss: TEXT close to torch; near miss: IMAGE close to spring");
    }

    @Test
    void nearMissesDoNotAddToADecisiveCampaignsConfidence() {
        Recognition r = Recognition.decide(List.of(decisive("torch", Signal.IMAGE, 0.9),
                nearMiss("torch", Signal.TEXT, 0.7)));
        assertThat(r.confidence()).isEqualTo(0.9);
        assertThat(r.evidence()).hasSize(2);
    }

    @Test
    void equalEvidenceForTwoCampaignsIsNobodys() {
        Recognition r = Recognition.decide(List.of(decisive("torch", Signal.IMAGE, 0.9),
                decisive("spring", Signal.IMAGE, 0.88)));
        assertThat(r.recognised()).isFalse();
        assertThat(r.closestCampaign()).contains("torch");
    }

    @Test
    void moreDecisiveSignalsWin() {
        Recognition r = Recognition.decide(List.of(decisive("spring", Signal.EXACT_PART, 1.0),
                decisive("torch", Signal.TEXT, 0.8), decisive("torch", Signal.TAG, 0.99)));
        assertThat(r.campaignId()).contains("torch");
    }

    @Test
    void aClearlySurerCampaignWinsWithAsManySignals() {
        Recognition r = Recognition.decide(List.of(decisive("torch", Signal.EXACT_PART, 1.0),
                decisive("spring", Signal.TEXT, 0.85)));
        assertThat(r.campaignId()).contains("torch");
    }

    @Test
    void noEvidenceMeansNotRecognisedAndNoClosestCampaign() {
        Recognition r = Recognition.decide(List.of());
        assertThat(r.recognised()).isFalse();
        assertThat(r.closestCampaign()).isEmpty();
        assertThat(r.reason()).isEmpty();
    }

    @Test
    void scoresOutsideZeroToOneAreRefused() {
        assertThatThrownBy(() -> decisive("x", Signal.TEXT, 1.2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> decisive("x", Signal.TEXT, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
