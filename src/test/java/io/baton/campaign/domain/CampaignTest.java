package io.baton.campaign.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CampaignTest {

    private final Campaign torch = CampaignParser.parse(CampaignFixtures.olympicTorch(), CampaignFixtures.CAMPAIGN_FILES);

    @ParameterizedTest
    @ValueSource(strings = { "2008", " 2008 ", "２００８", "\u30002008\u3000", "2008\n" })
    void recognisesTheKeywordAsHandsetsTypeIt(String text) {
        assertThat(torch.isRequestKeyword(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "200", "20080", "2008 please", "二〇〇八" })
    void refusesOtherTexts(String text) {
        assertThat(torch.isRequestKeyword(text)).isFalse();
    }
}
