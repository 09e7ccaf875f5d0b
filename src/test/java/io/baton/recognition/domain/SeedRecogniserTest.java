package io.baton.recognition.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.baton.recognition.domain.MessageContent.Part;

class SeedRecogniserTest {

    private static final Charset GBK = Charset.forName("GBK");
    private static final String TAG = "#火炬接力2008#";
    private static final SeedReference.Thresholds THRESHOLDS = new SeedReference.Thresholds(40, 50, 0.8);

    private static byte[] bytes(int seed, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = (byte) (seed * 31 + i * 7);
        }
        return b;
    }

    private static final Part TORCH_IMAGE = new Part("image/jpeg", bytes(1, 4096));
    private static final Part SPRING_IMAGE = new Part("image/jpeg", bytes(2, 4096));
    private static final Part BANNER = new Part("image/gif", bytes(3, 512));

    private static SeedReference seed(String campaign, Optional<String> tag, Part... parts) {
        return new SeedReference(campaign, List.of(parts), tag.stream().toList(), THRESHOLDS);
    }

    private static MessageContent message(String subject, Part... parts) {
        return new MessageContent(subject, List.of(parts));
    }

    private static final SeedRecogniser MATCHER = new SeedRecogniser(List.of(
            seed("torch", Optional.of(TAG), TORCH_IMAGE, BANNER),
            seed("spring", Optional.empty(), SPRING_IMAGE, BANNER)));

    @Test
    void recognisesAPartIdenticalToASeedPart() {
        Recognition r = MATCHER.recognise(message("Fwd: look", new Part("image/jpeg", TORCH_IMAGE.data().clone())));
        assertThat(r.campaignId()).contains("torch");
        assertThat(r.confidence()).isEqualTo(1.0);
        assertThat(r.reason()).contains("part 0").contains("identical");
    }

    @Test
    void recognisesTheSeedPartWhateverContentTypeOrPositionTheHandsetGivesIt() {
        Recognition r = MATCHER.recognise(message("",
                new Part("application/smil", "<smil/>".getBytes(StandardCharsets.UTF_8)),
                new Part("image/jpg", SPRING_IMAGE.data())));
        assertThat(r.campaignId()).contains("spring");
        assertThat(r.reason()).contains("part 1");
    }

    @Test
    void doesNotRecogniseAPartThatDiffersInOneByte() {
        byte[] changed = TORCH_IMAGE.data().clone();
        changed[2000] ^= 1;
        assertThat(MATCHER.recognise(message("", new Part("image/jpeg", changed))).recognised()).isFalse();
    }

    @Test
    void doesNotRecogniseATruncatedPart() {
        byte[] truncated = Arrays.copyOf(TORCH_IMAGE.data(), TORCH_IMAGE.data().length - 1);
        assertThat(MATCHER.recognise(message("", new Part("image/jpeg", truncated))).recognised()).isFalse();
    }

    @Test
    void recognisesTheTagInATextPart() {
        Part text = new Part("text/plain; charset=utf-8", ("转发给朋友 " + TAG + " 谢谢").getBytes(StandardCharsets.UTF_8));
        Recognition r = MATCHER.recognise(message("hi", text));
        assertThat(r.campaignId()).contains("torch");
        assertThat(r.reason()).contains("tag");
    }

    @Test
    void recognisesTheTagInTheSubject() {
        assertThat(MATCHER.recognise(message("Fwd: " + TAG)).campaignId()).contains("torch");
    }

    @Test
    void ignoresTheTagInANonTextPart() {
        Part binary = new Part("application/octet-stream", ("xx" + TAG + "xx").getBytes(StandardCharsets.UTF_8));
        assertThat(MATCHER.recognise(message("", binary)).recognised()).isFalse();
    }

    @Test
    void aPartSharedByTwoCampaignsIdentifiesNeither() {
        assertThat(MATCHER.recognise(message("", new Part("image/gif", BANNER.data()))).recognised()).isFalse();
    }

    @Test
    void aSharedPartDoesNotHideAUniqueOne() {
        assertThat(MATCHER.recognise(message("", BANNER, SPRING_IMAGE)).campaignId()).contains("spring");
    }

    @Test
    void ignoresSeedPartsShorterThanSixteenBytes() {
        Part tiny = new Part("text/plain", "fifteen bytes!!".getBytes(StandardCharsets.US_ASCII));
        assertThat(tiny.data()).hasSize(15);
        SeedRecogniser m = new SeedRecogniser(List.of(seed("tiny", Optional.empty(), tiny)));
        assertThat(m.recognise(message("", tiny)).recognised()).isFalse();
    }

    @Test
    void indexesSeedPartsOfExactlySixteenBytes() {
        Part small = new Part("text/plain", "sixteen bytes!!!".getBytes(StandardCharsets.US_ASCII));
        assertThat(small.data()).hasSize(ExactPartIndex.MIN_DISTINCTIVE_BYTES);
        SeedRecogniser m = new SeedRecogniser(List.of(seed("small", Optional.empty(), small)));
        assertThat(m.recognise(message("", small)).campaignId()).contains("small");
    }

    @Test
    void equalEvidenceForTwoCampaignsRecognisesNeither() {
        assertThat(MATCHER.recognise(message("", TORCH_IMAGE, SPRING_IMAGE)).recognised()).isFalse();
    }

    @Test
    void theCampaignWithMoreEvidenceWins() {
        Recognition r = MATCHER.recognise(message(TAG, TORCH_IMAGE, SPRING_IMAGE));
        assertThat(r.campaignId()).contains("torch");
        assertThat(r.reason()).contains("identical").contains("tag");
    }

    @Test
    void aMessageWithoutEvidenceIsNotRecognised() {
        assertThat(MATCHER.recognise(message("hello", new Part("text/plain", "just chatting, nothing else".getBytes(StandardCharsets.UTF_8)))).recognised()).isFalse();
        assertThat(MATCHER.recognise(new MessageContent(null, List.of())).recognised()).isFalse();
    }

    @Test
    void aMatcherWithoutCampaignsRecognisesNothing() {
        assertThat(new SeedRecogniser(List.of()).recognise(message(TAG, TORCH_IMAGE)).recognised()).isFalse();
    }

    @Test
    void textPartIsDecodedInItsDeclaredCharset() {
        String text = "奥运火炬传到了你手上！" + TAG;
        Part gbk = new Part("text/plain; charset=\"GBK\"", text.getBytes(GBK));
        assertThat(gbk.text()).isEqualTo(text);
        assertThat(new Part("TEXT/PLAIN;CHARSET=gbk", text.getBytes(GBK)).text()).isEqualTo(text);
    }

    @Test
    void textPartWithoutOrWithAnUnknownCharsetIsReadAsUtf8() {
        String text = "奥运火炬" + TAG;
        assertThat(new Part("text/plain", text.getBytes(StandardCharsets.UTF_8)).text()).isEqualTo(text);
        assertThat(new Part("text/plain; charset=x-no-such-charset", text.getBytes(StandardCharsets.UTF_8)).text())
                .isEqualTo(text);
    }

    @Test
    void recognisesTheTagInAGbkTextPart() {
        Part gbk = new Part("text/plain; charset=GBK", ("转发给朋友" + TAG).getBytes(GBK));
        assertThat(MATCHER.recognise(message("", gbk)).campaignId()).contains("torch");
    }

    @Test
    void gbkBytesWithoutTheirCharsetDoNotCarryTheTag() {
        Part undeclared = new Part("text/plain", ("转发给朋友" + TAG).getBytes(GBK));
        assertThat(MATCHER.recognise(message("", undeclared)).recognised()).isFalse();
    }
}
