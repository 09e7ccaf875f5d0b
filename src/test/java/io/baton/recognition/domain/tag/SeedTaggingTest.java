package io.baton.recognition.domain.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;

import io.baton.recognition.domain.MessageContent;
import io.baton.recognition.domain.tag.SeedTagging.SourcePart;
import io.baton.recognition.domain.tag.SeedTagging.TaggedPart;
import io.baton.recognition.domain.tag.TagScanner.Layer;

class SeedTaggingTest {

    static final String TAG = "#火炬接力2008#";
    static final byte[] TORCH = read("campaigns/torch.jpg");

    static byte[] read(String path) {
        try {
            return Files.readAllBytes(Path.of(path));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<TaggedPart> torchSeed() {
        return SeedTagging.compose("olympic-torch-2008", List.of(
                new SourcePart("image/jpeg", TORCH),
                new SourcePart("text/plain; charset=utf-8", "奥运火炬传到了你手上！".getBytes(StandardCharsets.UTF_8))),
                Optional.of(TAG));
    }

    static MessageContent asMessage(List<TaggedPart> parts) {
        return new MessageContent("奥运火炬传递", parts.stream()
                .map(p -> new MessageContent.Part(p.contentType(), p.data())).toList());
    }

    @Test
    void seedCarriesTheTagInEveryLayer() {
        List<TaggedPart> seed = torchSeed();
        assertThat(seed).extracting(TaggedPart::name).containsExactly("seed.smil", "seed1.jpg", "seed2.txt", "tag.txt");
        TagScanner scanner = new TagScanner(Map.of(TAG, "olympic-torch-2008",
                SeedTagging.machineTag("olympic-torch-2008"), "olympic-torch-2008"));
        assertThat(scanner.scan(asMessage(seed))).extracting(TagScanner.TagHit::layer)
                .contains(Layer.SMIL, Layer.IMAGE_METADATA, Layer.TEXT)
                .filteredOn(l -> l == Layer.TEXT).hasSize(2); // the text part and the tag part
    }

    @Test
    void smilRefersToEveryPartAndCarriesTheMachineTag() {
        String smil = new String(torchSeed().get(0).data(), StandardCharsets.UTF_8);
        assertThat(smil).contains("<meta name=\"baton-tag\" content=\"baton:olympic-torch-2008\"/>")
                .contains("src=\"seed1.jpg\"", "src=\"seed2.txt\"", "src=\"tag.txt\"");
    }

    @Test
    void taggedJpegShowsTheSamePicture() throws IOException {
        byte[] tagged = torchSeed().get(1).data();
        assertThat(tagged).isNotEqualTo(TORCH);
        BufferedImage before = ImageIO.read(new ByteArrayInputStream(TORCH));
        BufferedImage after = ImageIO.read(new ByteArrayInputStream(tagged));
        assertThat(after.getWidth()).isEqualTo(before.getWidth());
        for (int y = 0; y < before.getHeight(); y += 7) {
            for (int x = 0; x < before.getWidth(); x += 7) {
                assertThat(after.getRGB(x, y)).isEqualTo(before.getRGB(x, y));
            }
        }
        assertThat(JpegMetadata.texts(tagged)).anySatisfy(t -> assertThat(t).contains("baton:olympic-torch-2008"))
                .hasSize(2);
    }

    @Test
    void tagGoesAfterTheJfifHeaderSoReadersStillSeeAJfifFile() {
        byte[] tagged = JpegMetadata.withTag(TORCH, "baton:x");
        assertThat(tagged[2] & 0xFF).isEqualTo(0xFF);
        assertThat(tagged[3] & 0xFF).isEqualTo(TORCH[3] & 0xFF); // the first segment is unchanged (APP0/APP1)
        assertThat(new String(tagged, 6, 4, StandardCharsets.ISO_8859_1))
                .isEqualTo(new String(TORCH, 6, 4, StandardCharsets.ISO_8859_1));
    }

    @Test
    void textInAnotherCharsetIsSentAsUtf8WithTheTag() {
        Charset gbk = Charset.forName("GBK");
        List<TaggedPart> seed = SeedTagging.compose("c1", List.of(
                new SourcePart("text/plain; charset=gb2312", "火炬传递".getBytes(gbk))), Optional.of(TAG));
        TaggedPart text = seed.get(1);
        assertThat(text.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(new String(text.data(), StandardCharsets.UTF_8)).isEqualTo("火炬传递 " + TAG);
    }

    @Test
    void textAlreadyCarryingTheTagIsNotTaggedTwice() {
        List<TaggedPart> seed = SeedTagging.compose("c1", List.of(
                new SourcePart("text/plain", ("转发 " + TAG).getBytes(StandardCharsets.UTF_8))), Optional.of(TAG));
        assertThat(new String(seed.get(1).data(), StandardCharsets.UTF_8)).isEqualTo("转发 " + TAG);
    }

    @Test
    void withoutAVisibleTagOnlyTheInvisibleLayersAreTagged() {
        List<TaggedPart> seed = SeedTagging.compose("c1", List.of(
                new SourcePart("text/plain", "hello there".getBytes(StandardCharsets.UTF_8))), Optional.empty());
        assertThat(seed).extracting(TaggedPart::name).containsExactly("seed.smil", "seed1.txt");
        assertThat(new String(seed.get(1).data(), StandardCharsets.UTF_8)).isEqualTo("hello there");
    }

    @Test
    void campaignsOwnSmilKeepsItsLayoutAndGainsTheMeta() {
        String own = "<smil><head><layout><region id=\"Image\"/></layout></head><body><par/></body></smil>";
        List<TaggedPart> seed = SeedTagging.compose("c1", List.of(
                new SourcePart("application/smil", own.getBytes(StandardCharsets.UTF_8))), Optional.empty());
        assertThat(new String(seed.get(0).data(), StandardCharsets.UTF_8)).isEqualTo(
                "<smil><head><meta name=\"baton-tag\" content=\"baton:c1\"/><layout><region id=\"Image\"/></layout>"
                        + "</head><body><par/></body></smil>");
        assertThat(SeedTagging.withMeta("<smil><body/></smil>", "t"))
                .isEqualTo("<smil><head><meta name=\"baton-tag\" content=\"t\"/></head><body/></smil>");
    }

    @Test
    void notAJpegIsSentUnchanged() throws IOException {
        BufferedImage img = new BufferedImage(8, 8, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        assertThat(JpegMetadata.withTag(png.toByteArray(), "t")).isEqualTo(png.toByteArray());
        assertThat(JpegMetadata.texts(png.toByteArray())).isEmpty();
    }
}
