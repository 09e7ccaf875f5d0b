package io.baton.recognition.domain.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.baton.recognition.domain.MessageContent;
import io.baton.recognition.domain.tag.TagScanner.Layer;
import io.baton.recognition.domain.tag.TagScanner.TagHit;

class TagScannerTest {

    private final TagScanner scanner = new TagScanner(Map.of("#火炬接力2008#", "torch", "#HAPPY-NEW-YEAR#", "nye"));

    private static MessageContent text(String subject, String contentType, byte[] data) {
        return new MessageContent(subject, List.of(new MessageContent.Part(contentType, data)));
    }

    @Test
    void findsTheTagWhenTheHandsetMadeItFullWidthAndBrokeTheLine() {
        MessageContent m = text("", "text/plain; charset=utf-8",
                "转发：＃火炬接力\n２００８＃".getBytes(StandardCharsets.UTF_8));
        assertThat(scanner.scan(m)).containsExactly(new TagHit("torch", "#火炬接力2008#", Layer.TEXT, 0));
    }

    @Test
    void readsTextInItsDeclaredCharset() {
        MessageContent m = text("", "text/plain; charset=GB2312", "好玩 #火炬接力2008#".getBytes(Charset.forName("GB2312")));
        assertThat(scanner.scan(m)).extracting(TagHit::campaignId).containsExactly("torch");
    }

    @Test
    void findsTheTagInTheSubjectCaseInsensitively() {
        assertThat(scanner.scan(new MessageContent("fwd: #happy-new-year#", List.of())))
                .containsExactly(new TagHit("nye", "#HAPPY-NEW-YEAR#", Layer.SUBJECT, -1));
    }

    @Test
    void findsTheMachineTagInSmilAndJpegMetadata() {
        TagScanner machine = new TagScanner(Map.of(SeedTagging.machineTag("torch"), "torch"));
        MessageContent m = new MessageContent("", List.of(
                new MessageContent.Part("application/smil", "<smil><head><meta name=\"baton-tag\" content=\"baton:torch\"/></head></smil>".getBytes(StandardCharsets.UTF_8)),
                new MessageContent.Part("image/jpeg", JpegMetadata.withTag(SeedTaggingTest.TORCH, "baton:torch"))));
        assertThat(machine.scan(m)).extracting(TagHit::layer, TagHit::part)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Layer.SMIL, 0),
                        org.assertj.core.groups.Tuple.tuple(Layer.IMAGE_METADATA, 1),
                        org.assertj.core.groups.Tuple.tuple(Layer.IMAGE_METADATA, 1));
    }

    @Test
    void aTagSharedByTwoCampaignsIsAHitForEach() {
        TagScanner shared = new TagScanner(Map.of("#OLYMPICS#", "a", "#olympics#", "b", "#torch2008#", "c"));
        assertThat(shared.scan(new MessageContent("#olympics# #torch2008#", List.of())))
                .extracting(TagHit::campaignId).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(shared.scan(new MessageContent("#torch2008#", List.of()))).extracting(TagHit::campaignId)
                .containsExactly("c");
    }

    @Test
    void anUntaggedMessageHasNoHit() {
        assertThat(scanner.scan(text("Fwd", "text/plain", "火炬接力 2009".getBytes(StandardCharsets.UTF_8)))).isEmpty();
        assertThat(scanner.scan(text("", "image/jpeg", SeedTaggingTest.TORCH))).isEmpty();
    }
}
