package io.baton.recognition.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.ibm.icu.text.Transliterator;

class TextNormaliserTest {

    private static final String SEED = "奥运火炬传到了你手上！转发给朋友，每成功传递一次即获得一个参与序号。";
    private static final String SEED_NORMALISED = "奥运火炬传到了你手上转发给朋友每成功传递一次即获得一个参与序号";

    private final TextNormaliser normaliser = TextNormaliser.withBuiltInPhrases();

    @Test
    void keepsOnlyLettersAndDigitsOfTheSeed() {
        assertThat(normaliser.normalise(SEED)).isEqualTo(SEED_NORMALISED);
    }

    @Test
    void stripsRepeatedForwardingPrefixes() {
        assertThat(normaliser.normalise("Fwd: FW:转发：[转]【转发】 Re: 转:" + SEED)).isEqualTo(SEED_NORMALISED);
        assertThat(normaliser.normalise("ＦＷＤ： 轉發：" + SEED)).isEqualTo(SEED_NORMALISED);
    }

    @Test
    void keepsAWordThatOnlyBeginsLikeAPrefix() {
        // "转" without a colon is the first word of the seed, not a prefix
        assertThat(normaliser.normalise("转发给朋友，赢大奖")).isEqualTo("转发给朋友赢大奖");
        assertThat(normaliser.normalise("Fwdable offers")).isEqualTo("fwdableoffers");
    }

    @Test
    void stripsGreetingsBeforeTheText() {
        assertThat(normaliser.normalise("my friend says: " + SEED)).isEqualTo(SEED_NORMALISED);
        assertThat(normaliser.normalise("你好，看看这个：" + SEED)).isEqualTo(SEED_NORMALISED);
        assertThat(normaliser.normalise("Fwd: Hi! 朋友说：" + SEED)).isEqualTo(SEED_NORMALISED);
    }

    @Test
    void stripsSignaturesAfterTheText() {
        assertThat(normaliser.normalise(SEED + "\n—— 来自我的诺基亚")).isEqualTo(SEED_NORMALISED);
        assertThat(normaliser.normalise(SEED + "\nSent from my iPhone")).isEqualTo(SEED_NORMALISED);
        assertThat(normaliser.normalise(SEED + " 发自我的华为手机\n--\nSent from my Samsung Galaxy")).isEqualTo(SEED_NORMALISED);
    }

    @Test
    void keepsSignatureWordsInsideASentence() {
        assertThat(normaliser.normalise("奖品来自可口可乐")).isEqualTo("奖品来自可口可乐");
    }

    @Test
    void foldsTraditionalToSimplified() {
        assertThat(normaliser.normalise("奧運火炬傳到了你手上！轉發給朋友，每成功傳遞一次即獲得一個參與序號。"))
                .isEqualTo(SEED_NORMALISED);
    }

    @Test
    void foldsFullWidthDigitsAndLetters() {
        assertThat(normaliser.normalise("活动截止８月２４日，ＡＢＣ")).isEqualTo("活动截止8月24日abc");
    }

    @Test
    void foldsCase() {
        assertThat(normaliser.normalise("Join The NIKE Run")).isEqualTo(normaliser.normalise("join the nike run"));
    }

    @Test
    void removesPunctuationSpacesLineBreaksAndEmoji() {
        assertThat(normaliser.normalise("转发 给\n朋友，，😀🔥🇨🇳 赢！！大奖~~ 🏃‍♂️")).isEqualTo("转发给朋友赢大奖");
    }

    @Test
    void removesZeroWidthCharactersAndVariationSelectors() {
        assertThat(normaliser.normalise("转\u200B发\u200D给\uFE0F朋友")).isEqualTo("转发给朋友");
    }

    @Test
    void foldsCompatibilityForms() {
        assertThat(normaliser.normalise("①号 ﬁnal")).isEqualTo("1号final");
    }

    @Test
    void isIdempotentOnHandsetText() {
        for (String s : List.of(SEED, "Fwd: my friend says: " + SEED + "\nSent from my iPhone", "ＦＷ：Ｈｉ！ 奧運",
                "hi", "转: 转: 转:")) {
            String once = normaliser.normalise(s);
            assertThat(normaliser.normalise(once)).as(s).isEqualTo(once);
        }
    }

    @Test
    void handlesATextOfNothingButMarks() {
        // a hostile submit: the phrase patterns must not backtrack over every pair of positions
        assertThat(normaliser.normalise("!".repeat(200_000) + "来自" + "。".repeat(200_000))).isEqualTo("来自");
    }

    @Test
    void handlesNullAndEmptyText() {
        assertThat(normaliser.normalise(null)).isEmpty();
        assertThat(normaliser.normalise("")).isEmpty();
        assertThat(normaliser.normalise(" ，。!? ")).isEmpty();
    }

    @Test
    void usesConfiguredPhrasesInAnyForm() {
        TextNormaliser custom = new TextNormaliser(new HandsetPhrases(List.of("[分享]"), List.of("老铁"),
                List.of("BY BATON")));
        assertThat(custom.normalise("［分享］ 老鐵，" + SEED + "\nby baton app")).isEqualTo(SEED_NORMALISED);
        assertThat(custom.normalise("Fwd: " + SEED)).isEqualTo("fwd" + SEED_NORMALISED);
    }

    @Test
    void traditionalTableAgreesWithIcuOnSingleCharacters() {
        Transliterator icu = Transliterator.getInstance("Traditional-Simplified");
        String text = "奧運火炬傳到了你手上轉發給朋友每成功傳遞一次即獲得一個參與序號來自我的諾基亞頭髮發展後來";
        assertThat(TraditionalToSimplified.fold(text)).isEqualTo(icu.transliterate(text));
        assertThat(TraditionalToSimplified.size()).isGreaterThan(2500);
        System.out.printf("traditional-to-simplified table: %d characters, built in %.0f ms%n",
                TraditionalToSimplified.size(), TraditionalToSimplified.buildNanos() / 1e6);
    }

    @Test
    void traditionalTableFoldsEveryCharacterTheSameWayWhateverSurroundsIt() {
        // ICU's phrase rule keeps 乾 in 乾坤; the table folds it always, so a seed folds alike in any forward
        assertThat(TraditionalToSimplified.fold("乾坤")).isEqualTo(TraditionalToSimplified.fold("乾") + "坤");
    }
}
