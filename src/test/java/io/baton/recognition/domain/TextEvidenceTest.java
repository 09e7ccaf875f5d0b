package io.baton.recognition.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class TextEvidenceTest {

    private static final String SEED = "奥运火炬传到了你手上！转发给朋友，每成功传递一次即获得一个参与序号。";
    private static final SeedReference.Thresholds DEFAULTS = new SeedReference.Thresholds(31, 50, 0.8);

    private static MessageContent.Part utf8(String text) {
        return new MessageContent.Part("text/plain; charset=utf-8", text.getBytes(StandardCharsets.UTF_8));
    }

    private static SeedReference seed(String campaign, SeedReference.Thresholds t, String text, String... tags) {
        return new SeedReference(campaign, List.of(utf8(text), utf8(text + " " + String.join(" ", tags)),
                utf8(tags.length > 0 ? tags[0] : text)), List.of(tags), t);
    }

    private final TextEvidence evidence = new TextEvidence(List.of(seed("olympic", DEFAULTS, SEED, "#火炬接力2008#")));

    @Test
    void recognisesATraditionalForwardInABig5TextPart() {
        String forward = "奧運火炬傳到了你手上！轉發給朋友，每成功傳遞一次即獲得一個參與序號。";
        MessageContent mms = new MessageContent("Fwd:", List.of(
                new MessageContent.Part("application/smil", "<smil/>".getBytes(StandardCharsets.US_ASCII)),
                new MessageContent.Part("text/plain; charset=Big5", forward.getBytes(Charset.forName("Big5")))));
        assertThat(evidence.evidence(mms)).singleElement().satisfies(e -> {
            assertThat(e.campaignId()).isEqualTo("olympic");
            assertThat(e.decisive()).isTrue();
            assertThat(e.score()).isEqualTo(1.0);
            assertThat(e.detail()).startsWith("text: whole seed text");
        });
    }

    @Test
    void readsASeedSplitBetweenSubjectAndText() {
        MessageContent mms = new MessageContent("奥运火炬传到了你手上！", List.of(utf8("转发给朋友，每成功传递一次即获得一个参与序号。")));
        assertThat(evidence.evidence(mms)).anyMatch(Evidence::decisive);
    }

    @Test
    void recognisesNothingInOrdinaryChat() {
        MessageContent mms = new MessageContent("", List.of(utf8("晚上一起吃饭吗？我七点下班。")));
        assertThat(evidence.evidence(mms)).noneMatch(Evidence::decisive);
    }

    @Test
    void aCampaignAskingForMoreOfItsTextKeepsAnEditedForwardAsANearMiss() {
        TextEvidence strict = new TextEvidence(List.of(seed("olympic", new SeedReference.Thresholds(31, 50, 1.0), SEED)));
        MessageContent edited = new MessageContent("", List.of(utf8(SEED.replace("朋友", "朋有"))));
        assertThat(evidence.evidence(edited)).anyMatch(Evidence::decisive);
        assertThat(strict.evidence(edited)).singleElement().satisfies(e -> assertThat(e.decisive()).isFalse());
    }

    @Test
    void aKeyPhraseChangedByOneCharacterIsAnotherCompanysMessage() {
        String seed = "华为新机上市！把这条彩信转发给三位好友，就有机会赢取一部新手机。";
        TextEvidence withKey = new TextEvidence(List.of(seed("huawei", new SeedReference.Thresholds(31, 50, 0.8,
                List.of("华为")), seed)));
        TextEvidence withoutKey = new TextEvidence(List.of(seed("huawei", DEFAULTS, seed)));
        MessageContent otherBrand = new MessageContent("", List.of(utf8(seed.replace("华为", "华润"))));
        assertThat(withoutKey.evidence(otherBrand)).anyMatch(Evidence::decisive); // one character: a typo to the index
        assertThat(withKey.evidence(otherBrand)).singleElement().satisfies(e -> {
            assertThat(e.decisive()).isFalse();
            assertThat(e.detail()).endsWith("key phrase missing: 华为");
        });
        MessageContent typoElsewhere = new MessageContent("", List.of(utf8("轉發：" + seed.replace("好友", "好有"))));
        assertThat(withKey.evidence(typoElsewhere)).anyMatch(Evidence::decisive);
    }

    @Test
    void aSeedTextOfSeveralLinesIsIndexedWhole() {
        String twoLines = "元宵节快乐！把这盏灯笼传给你的朋友。\n每传一次就多一次抽奖机会，快来参加吧！";
        TextEvidence lines = new TextEvidence(List.of(seed("lantern", DEFAULTS, twoLines)));
        MessageContent firstLineOnly = new MessageContent("", List.of(utf8("元宵节快乐！把这盏灯笼传给你的朋友。")));
        assertThat(lines.evidence(firstLineOnly)).singleElement().satisfies(e -> { // under half of the seed
            assertThat(e.decisive()).isFalse();
            assertThat(e.detail()).contains("15 of 32 seed shingles");
        });
        assertThat(lines.evidence(new MessageContent("", List.of(utf8(twoLines))))).singleElement()
                .satisfies(e -> assertThat(e.detail()).startsWith("text: whole seed text"));
    }

    @Test
    void theTagPartIsNotTakenForTheSeedText() {
        MessageContent tagOnly = new MessageContent("", List.of(utf8("#火炬接力2008#")));
        assertThat(evidence.evidence(tagOnly)).noneMatch(Evidence::decisive);
    }
}
