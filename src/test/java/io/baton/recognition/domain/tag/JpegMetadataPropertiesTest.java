package io.baton.recognition.domain.tag;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

/** Metadata reading meets damaged and hostile files: it returns what it found, never throws. */
class JpegMetadataPropertiesTest {

    @Property(tries = 300)
    void readingArbitraryBytesNeverThrows(@ForAll @Size(max = 2000) byte[] junk) {
        byte[] withSoi = Arrays.copyOf(new byte[] { (byte) 0xFF, (byte) 0xD8 }, junk.length + 2);
        System.arraycopy(junk, 0, withSoi, 2, junk.length);
        assertThat(JpegMetadata.texts(withSoi)).hasSizeLessThanOrEqualTo(64);
        assertThat(JpegMetadata.texts(junk)).isNotNull();
    }

    @Property(tries = 200)
    void aTagSurvivesAnyTruncationAfterTheHeaderSegments(@ForAll @StringLength(min = 1, max = 80) String tag,
            @ForAll @IntRange(min = 0, max = 4000) int cut) {
        byte[] tagged = JpegMetadata.withTag(SeedTaggingTest.TORCH, tag);
        int headers = tagged.length - SeedTaggingTest.TORCH.length + 20 + 2; // JFIF + our segments
        byte[] truncated = Arrays.copyOf(tagged, Math.min(tagged.length, headers + cut));
        assertThat(JpegMetadata.texts(truncated)).first().asString().isEqualTo("baton-tag:" + tag);
    }

    @Property(tries = 200)
    void everyTruncationOfATaggedFileIsReadWithoutError(@ForAll @IntRange(min = 0, max = 1200) int length) {
        byte[] tagged = JpegMetadata.withTag(SeedTaggingTest.TORCH, "baton:c");
        assertThat(JpegMetadata.texts(Arrays.copyOf(tagged, Math.min(length, tagged.length)))).hasSizeLessThanOrEqualTo(2);
    }
}
