package io.baton.recognition.domain.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class SeedTextIndexTest {

    private static final String OLYMPIC = "中国移动奥运火炬传到了你手上！转发给朋友，每成功传递一次即获得一个参与序号。序号越多，中奖机会越大，活动截止8月24日。";
    private static final String NIKE = "The Nike Run Relay is coming to your city! Forward this message to a friend and both of you get a free race bib. Sign up before June 30.";

    private final SeedTextIndex index = SeedTextIndex.of(List.of(new SeedText("olympic", OLYMPIC),
            new SeedText("nike", NIKE), new SeedText("cola", SeedTextFixtures.seedText(SeedTextFixtures.SEED_TEMPLATES.get(1)))));

    @Test
    void recognisesTheSeedItselfWithContainmentOne() {
        TextMatch m = index.match(OLYMPIC);
        assertThat(m).isInstanceOf(TextMatch.Recognised.class);
        TextCandidate c = ((TextMatch.Recognised) m).campaign();
        assertThat(c.campaignId()).isEqualTo("olympic");
        assertThat(c.signal()).isEqualTo(TextSignal.WHOLE_SEED);
        assertThat(c.containment()).isEqualTo(1.0);
        assertThat(c.reverseShare()).isEqualTo(1.0);
    }

    @Test
    void recognisesAForwardWithPrefixGreetingSignatureInTraditionalFullWidth() {
        String forward = "ＦＷＤ： 轉發：你好，看看这个：中國移動奧運火炬傳到了你手上！轉發給朋友，每成功傳遞一次即獲得一個參與序號。"
                + "序號越多，中獎機會越大，活動截止８月２４日。🔥🔥\n—— 来自我的诺基亚";
        assertThat(recognised(forward)).isEqualTo("olympic");
    }

    @Test
    void recognisesAForwardWithATypo() {
        assertThat(recognised(NIKE.replace("friend", "frend"))).isEqualTo("nike");
        assertThat(recognised(NIKE.replace("friend", "freind"))).isEqualTo("nike");
        assertThat(recognised(OLYMPIC.replace("传递", "传第"))).isEqualTo("olympic");
    }

    @Test
    void recognisesAForwardCutShort() {
        TextMatch m = index.match("Fwd: " + HandsetEdits.truncate(OLYMPIC, 0.6));
        assertThat(m).isInstanceOf(TextMatch.Recognised.class);
        TextCandidate c = ((TextMatch.Recognised) m).campaign();
        assertThat(c.signal()).isEqualTo(TextSignal.TRUNCATED_SEED);
        assertThat(c.cutOff()).isGreaterThan(15);
        assertThat(c.explanation()).startsWith("seed text cut short").contains("cut off at the end");
    }

    @Test
    void doesNotTakeASeedCutShortAndFollowedByOtherTextForTheSeed() {
        assertThat(index.match(HandsetEdits.truncate(OLYMPIC, 0.6) + "晚上一起吃饭吗？我七点下班。"))
                .isInstanceOf(TextMatch.Unrecognised.class);
    }

    @Test
    void doesNotTakeTheSameSloganWithAnotherBrandForTheSeed() {
        TextMatch m = index.match(OLYMPIC.replace("中国移动", "中国联通"));
        assertThat(m).isInstanceOf(TextMatch.Unrecognised.class);
        assertThat(m.candidates().get(0).containment()).isGreaterThan(0.9); // close in shingles, yet not the seed
        assertThat(m.candidates().get(0).explanation()).contains("characters in a row differ");
        assertThat(index.match(NIKE.replace("Nike", "Puma"))).isInstanceOf(TextMatch.Unrecognised.class);
    }

    @Test
    void doesNotTakeTheTemplateWithAnotherKeySentenceForTheSeed() {
        String other = OLYMPIC.replace("转发给朋友，每成功传递一次即获得一个参与序号。", "关注官方微博并评论，即可参加每周一次的幸运抽奖。");
        assertThat(index.match(other)).isInstanceOf(TextMatch.Unrecognised.class);
    }

    @Test
    void ignoresOrdinaryChat() {
        for (String chat : SeedTextFixtures.CHAT_TEXTS) {
            assertThat(index.match(chat)).as(chat).isInstanceOf(TextMatch.Unrecognised.class);
        }
    }

    @Test
    void aTextSharedByTwoCampaignsIdentifiesNeither() {
        SeedTextIndex shared = SeedTextIndex.of(List.of(new SeedText("a", OLYMPIC), new SeedText("b", OLYMPIC),
                new SeedText("nike", NIKE)));
        TextMatch m = shared.match("Fwd: " + OLYMPIC);
        assertThat(m).isInstanceOf(TextMatch.Ambiguous.class);
        assertThat(((TextMatch.Ambiguous) m).tied()).extracting(TextCandidate::campaignId).containsExactly("a", "b");
        assertThat(shared.match(NIKE)).isInstanceOf(TextMatch.Recognised.class);
    }

    @Test
    void aSloganSharedByTwoCampaignsCountsHalfForEach() {
        String slogan = "转发给朋友，每成功传递一次即获得一个参与序号，序号越多中奖机会越大。";
        SeedTextIndex shared = SeedTextIndex.of(List.of(new SeedText("mobile", "中国移动奥运火炬传到你手上！" + slogan),
                new SeedText("unicom", "中国联通新春红包雨开始啦！" + slogan)));
        TextMatch m = shared.match(slogan);
        assertThat(m).isInstanceOf(TextMatch.Unrecognised.class);
        assertThat(m.candidates()).allSatisfy(c -> assertThat(c.containment()).isLessThan(0.6));
        assertThat(recognisedBy(shared, "中国联通新春红包雨开始啦！" + slogan)).isEqualTo("unicom");
    }

    @Test
    void doesNotIndexShortSeeds() {
        SeedTextIndex withShort = SeedTextIndex.of(List.of(new SeedText("short", "新年快乐！"), new SeedText("nike", NIKE)));
        assertThat(withShort.indexedCampaigns()).containsExactly("nike");
        assertThat(withShort.excluded()).singleElement().satisfies(e -> {
            assertThat(e.campaignId()).isEqualTo("short");
            assertThat(e.reason()).contains("too short");
        });
        assertThat(withShort.match("新年快乐！")).isInstanceOf(TextMatch.Unrecognised.class);
    }

    @Test
    void explainsWhichSignalAndHowManyShingles() {
        TextCandidate c = ((TextMatch.Recognised) index.match("my friend says: " + NIKE)).campaign();
        assertThat(c.explanation()).startsWith("whole seed text").contains(c.matchedShingles() + " of " + c.seedShingles()
                + " seed shingles found", "containment 1.00", "message shingles are seed text");
    }

    @Test
    void weighsOnlySeedsThatShareShingles() {
        List<SeedText> many = new ArrayList<>(SeedTextFixtures.seeds());
        SeedTextIndex big = SeedTextIndex.of(many);
        assertThat(big.match("Running 10 minutes late, order me a coffee please.").candidates()).isEmpty();
        assertThat(big.match(OLYMPIC).candidates()).extracting(TextCandidate::campaignId).contains("campaign-1");
    }

    @Test
    void rejectsPoliciesThatCannotWork() {
        assertThatThrownBy(() -> new TextMatchPolicy(1, 3, 8, 6, 0.8, 0.5, 0.8, 1, 0.1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TextMatchPolicy(2, 3, 8, 6, 0.5, 0.8, 0.8, 1, 0.1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private String recognised(String message) {
        return recognisedBy(index, message);
    }

    private static String recognisedBy(SeedTextIndex idx, String message) {
        TextMatch m = idx.match(message);
        assertThat(m).as(m.candidates().toString()).isInstanceOf(TextMatch.Recognised.class);
        return ((TextMatch.Recognised) m).campaign().campaignId();
    }
}
