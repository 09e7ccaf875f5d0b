package io.baton.recognition.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class SeedTextIndexPropertiesTest {

    private static final TextNormaliser NORMALISER = TextNormaliser.withBuiltInPhrases();
    private static final SeedTextIndex FIXTURE_INDEX = SeedTextIndex.of(SeedTextFixtures.seeds());

    private static final List<String> WORDS_ZH = List.of("转发", "朋友", "火炬", "活动", "奖品", "机会", "新年", "快乐", "免费",
            "电影", "红包", "好友", "传递", "参与", "序号", "抽奖", "城市", "祝福", "门票", "礼品", "手机", "银行", "优惠",
            "体验", "官网", "会员", "积分", "周末", "夏天", "冠军");
    private static final List<String> WORDS_EN = List.of("forward", "friend", "prize", "free", "ticket", "relay", "city",
            "summer", "draw", "lucky", "share", "join", "win", "today", "offer", "coffee", "team", "light", "star", "gift");
    private static final List<String> JOINERS = List.of("", "", "", " ", "，", "。", "！", ", ", ". ", "、", "：");
    private static final List<String> DECOR = List.of("Fwd: ", "转发：", "【转发】", "my friend says: ", "你好，看看这个：",
            "😀", "🔥🔥 ", "Hi! ", "哈哈 ", "看看 ", "ok ", "123 ", "——", "\n", " ");

    @Provide
    Arbitrary<String> campaignTexts() {
        Arbitrary<String> word = Arbitraries.oneOf(Arbitraries.of(WORDS_ZH), Arbitraries.of(WORDS_EN));
        Arbitrary<String> piece = Combinators.combine(word, Arbitraries.of(JOINERS)).as((w, j) -> w + j);
        return piece.list().ofMinSize(6).ofMaxSize(30).map(l -> String.join("", l))
                .filter(s -> NORMALISER.normalise(s).length() >= 12);
    }

    /** Text people and handsets put around a forward: starts and ends with a space or mark, as they do. */
    @Provide
    Arbitrary<String> decorations() {
        Arbitrary<String> chat = Arbitraries.strings().withChars("abcxyz你我他好的了吗😀!?,.，。 ").ofMaxLength(20);
        return Combinators.combine(Arbitraries.of(DECOR), chat, Arbitraries.of(DECOR)).as((a, b, c) -> a + b + c)
                .map(s -> " " + s + "\n");
    }

    @Property
    void normalisationIsIdempotent(@ForAll String any) {
        String once = NORMALISER.normalise(any);
        assertThat(NORMALISER.normalise(once)).isEqualTo(once);
    }

    @Property
    void normalisationIsIdempotentOnHandsetText(@ForAll("campaignTexts") String seed,
            @ForAll("decorations") String before, @ForAll("decorations") String after) {
        String once = NORMALISER.normalise(before + HandsetEdits.TRADITIONAL.apply().apply(seed, null) + after);
        assertThat(NORMALISER.normalise(once)).isEqualTo(once);
    }

    @Property
    void aSeedMatchesItselfWithContainmentOne(@ForAll("campaignTexts") String seed) {
        SeedTextIndex index = SeedTextIndex.of(List.of(new SeedText("c", seed)));
        TextMatch m = index.match(seed);
        assertThat(m).isInstanceOf(TextMatch.Recognised.class);
        assertThat(((TextMatch.Recognised) m).campaign().containment()).isEqualTo(1.0);
    }

    @Property
    void wrappingTheSeedKeepsContainmentOne(@ForAll("campaignTexts") String seed,
            @ForAll("decorations") String before, @ForAll("decorations") String after) {
        SeedTextIndex index = SeedTextIndex.of(List.of(new SeedText("c", seed)));
        TextMatch m = index.match(before + seed + after);
        assertThat(m).isInstanceOf(TextMatch.Recognised.class);
        TextCandidate c = ((TextMatch.Recognised) m).campaign();
        assertThat(c.containment()).isEqualTo(1.0);
        assertThat(c.signal()).isEqualTo(TextSignal.WHOLE_SEED);
    }

    @Property
    void unrelatedGeneratedTextsAreNotRecognised(@ForAll("campaignTexts") String text) {
        assertThat(FIXTURE_INDEX.match(text)).isInstanceOf(TextMatch.Unrecognised.class);
    }

    @Property
    void randomCharactersAreNotRecognised(@ForAll String text) {
        assertThat(FIXTURE_INDEX.match(text)).isInstanceOf(TextMatch.Unrecognised.class);
    }

    @Property
    void aTextSharedByTwoCampaignsIdentifiesNeither(@ForAll("campaignTexts") String seed,
            @ForAll("decorations") String before) {
        SeedTextIndex index = SeedTextIndex.of(List.of(new SeedText("a", seed), new SeedText("b", seed)));
        TextMatch m = index.match(before + seed);
        assertThat(m).isInstanceOf(TextMatch.Ambiguous.class);
    }
}
