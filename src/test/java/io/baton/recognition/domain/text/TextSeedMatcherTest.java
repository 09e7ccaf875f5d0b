package io.baton.recognition.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.baton.recognition.domain.MessageContent;

class TextSeedMatcherTest {

    private static final String SEED = "奥运火炬传到了你手上！转发给朋友，每成功传递一次即获得一个参与序号。";

    private final TextSeedMatcher matcher = new TextSeedMatcher(SeedTextIndex.of(List.of(new SeedText("olympic", SEED))));

    @Test
    void recognisesATraditionalForwardInABig5TextPart() {
        String forward = "奧運火炬傳到了你手上！轉發給朋友，每成功傳遞一次即獲得一個參與序號。";
        MessageContent mms = new MessageContent("Fwd:", List.of(
                new MessageContent.Part("application/smil", "<smil/>".getBytes(StandardCharsets.US_ASCII)),
                new MessageContent.Part("text/plain; charset=Big5", forward.getBytes(Charset.forName("Big5")))));
        assertThat(matcher.recognise(mms)).hasValueSatisfying(r -> {
            assertThat(r.campaignId()).isEqualTo("olympic");
            assertThat(r.confidence()).isEqualTo(1.0);
            assertThat(r.reason()).startsWith("seed text: whole seed text");
        });
    }

    @Test
    void readsASeedSplitBetweenSubjectAndText() {
        MessageContent mms = new MessageContent("奥运火炬传到了你手上！", List.of(new MessageContent.Part("text/plain",
                "转发给朋友，每成功传递一次即获得一个参与序号。".getBytes(StandardCharsets.UTF_8))));
        assertThat(matcher.recognise(mms)).isPresent();
    }

    @Test
    void recognisesNothingInOrdinaryChat() {
        MessageContent mms = new MessageContent("", List.of(new MessageContent.Part("text/plain; charset=utf-8",
                "晚上一起吃饭吗？我七点下班。".getBytes(StandardCharsets.UTF_8))));
        assertThat(matcher.recognise(mms)).isEmpty();
    }
}
