package io.baton.recognition.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeedAlignmentTest {

    private static SeedAlignment align(String seed, String message) {
        return SeedAlignment.of(seed.codePoints().toArray(), message.codePoints().toArray());
    }

    @Test
    void textAroundTheSeedIsFree() {
        assertThat(align("转发给朋友赢大奖", "你好转发给朋友赢大奖谢谢")).isEqualTo(new SeedAlignment(0, 0, 0));
    }

    @Test
    void twoTyposApartAreRunsOfOne() {
        assertThat(align("forwardthismessage", "forwrdthizmessage").longestRun()).isEqualTo(1);
    }

    @Test
    void twoNeighboursSwappedAreOneEdit() {
        assertThat(align("forwardtoafriend", "forwardtoafreind").longestRun()).isEqualTo(1);
        assertThat(align("转发给朋友", "转给发朋友").longestRun()).isEqualTo(1);
    }

    @Test
    void aReplacedWordIsOneLongRun() {
        assertThat(align("中国移动奥运火炬传到你手上", "中国联通奥运火炬传到你手上").longestRun()).isEqualTo(2);
        assertThat(align("tescochristmasgiving", "lidlchristmasgiving").longestRun()).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aMessageThatStopsEarlyCutsTheSeedOff() {
        SeedAlignment a = align("转发给朋友每成功传递一次即获得一个参与序号", "转发给朋友每成功传递");
        assertThat(a.cutOff()).isEqualTo(11);
        assertThat(a.longestRun()).isZero();
    }

    @Test
    void aMessageThatGoesOnAfterTheSeedStopsMatchingReplacedItsEnd() {
        SeedAlignment a = align("转发给朋友每成功传递一次即获得一个参与序号", "转发给朋友每成功传递晚上一起吃饭吗我七点下班");
        assertThat(a.longestRun()).isGreaterThan(2); // chance matches (一) split the replaced text, still far more than a typo
    }

    @Test
    void aReplacedLastWordIsNotACut() {
        assertThat(align("奖品由京东提供", "奖品由苏宁").longestRun()).isEqualTo(2);
    }
}
