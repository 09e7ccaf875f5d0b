package io.baton.recognition.domain.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import io.baton.support.SeededRandom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

class PdqHashPropertiesTest {

    @Provide
    Arbitrary<PdqHash> hashes() {
        return Arbitraries.longs().list().ofSize(4).map(w -> PdqHash.fromHex(String.format("%016x%016x%016x%016x",
                w.get(0), w.get(1), w.get(2), w.get(3))));
    }

    @Property
    void hexRoundTripsInEitherCase(@ForAll("hashes") PdqHash h) {
        assertThat(PdqHash.fromHex(h.toHex())).isEqualTo(h);
        assertThat(PdqHash.fromHex(h.toHex().toUpperCase(Locale.ROOT))).isEqualTo(h);
        assertThat(h.toHex()).hasSize(64).matches("[0-9a-f]{64}");
    }

    @Property
    void hexDigitKIsBitsFourKFromTheTop(@ForAll("hashes") PdqHash h, @ForAll @IntRange(max = 255) int bit) {
        // the reference prints its 16-bit words last first, so bit 0 is the lowest bit of the last digit
        int digit = Character.digit(h.toHex().charAt(63 - bit / 4), 16);
        assertThat(h.bit(bit)).isEqualTo((digit >> (bit % 4) & 1) == 1);
    }

    @Property
    void refusesAnythingButSixtyFourHexDigits(@ForAll @StringLength(max = 80) String s) {
        Assume.that(!s.matches("[0-9a-fA-F]{64}"));
        assertThatThrownBy(() -> PdqHash.fromHex(s)).isInstanceOf(IllegalArgumentException.class);
    }

    @Property
    void distanceIsAMetric(@ForAll("hashes") PdqHash a, @ForAll("hashes") PdqHash b, @ForAll("hashes") PdqHash c) {
        assertThat(a.hammingDistance(a)).isZero();
        assertThat(a.hammingDistance(b)).isEqualTo(b.hammingDistance(a)).isBetween(0, 256);
        assertThat(a.hammingDistance(c)).isLessThanOrEqualTo(a.hammingDistance(b) + b.hammingDistance(c));
        assertThat(a.hammingDistance(b) == 0).isEqualTo(a.equals(b));
    }

    @Property
    void distanceCountsTheBitsThatDiffer(@ForAll("hashes") PdqHash a, @ForAll("hashes") PdqHash b) {
        int differing = 0;
        for (int k = 0; k < PdqHash.BITS; k++) {
            differing += a.bit(k) != b.bit(k) ? 1 : 0;
        }
        assertThat(a.hammingDistance(b)).isEqualTo(differing);
    }

    @Property(tries = 20)
    void hashingIsDeterministicAndIndependentOfWhatTheHasherHashedBefore(@ForAll long seed) {
        BufferedImage picture = ArtworkFixtures.photo(seed, 200, 150);
        PdqHasher reused = new PdqHasher();
        reused.hash(ArtworkFixtures.artwork(seed + 1, 700, 500)); // leaves larger buffers behind
        PdqFingerprint first = reused.hash(picture);
        assertThat(new PdqHasher().hash(picture)).isEqualTo(first);
        assertThat(reused.dihedralHashes(picture).original()).isEqualTo(first.hash());
    }

    /** Edits every measured seed survived within the match distance (docs/recognition-image-thresholds.md). */
    private static final List<String> SURVIVED_BY_EVERY_SEED = List.of("jpeg-q30", "jpeg-q50", "jpeg-q75",
            "gif-256-dithered", "png", "greyscale", "palette-16-dithered", "fit-640x480", "brighter-20", "darker-20",
            "contrast-120%", "contrast-80%");

    @Property(tries = 25)
    void reencodedRecolouredAndRetonedSeedsStayWithinTheMatchDistance(@ForAll long seed, @ForAll boolean photo) {
        BufferedImage picture = photo ? ArtworkFixtures.photo(seed, 320, 240) : ArtworkFixtures.artwork(seed, 320, 240);
        PdqHasher hasher = new PdqHasher();
        DihedralHashes index = hasher.dihedralHashes(picture);
        Assume.that(index.quality() >= ImageMatchPolicy.MIN_QUALITY);
        Random random = new SeededRandom(seed);
        for (VariantCatalogue.Variant v : VariantCatalogue.standard()) {
            if (SURVIVED_BY_EVERY_SEED.contains(v.name())) {
                PdqFingerprint forward = hasher.hash(v.apply(picture, random));
                assertThat(index.original().hammingDistance(forward.hash())).as(v.name())
                        .isLessThanOrEqualTo(ImageMatchPolicy.MATCH_DISTANCE);
                assertThat(ImageMatchPolicy.matches(index, forward)).as(v.name()).isTrue();
            }
        }
    }

    @Property(tries = 25)
    void unrelatedPicturesStayFarBeyondTheMatchDistanceInEveryOrientation(@ForAll long a, @ForAll long b) {
        Assume.that(a != b);
        PdqHasher hasher = new PdqHasher();
        DihedralHashes first = hasher.dihedralHashes(ArtworkFixtures.artwork(a, 320, 240));
        PdqFingerprint second = hasher.hash(ArtworkFixtures.photo(b, 320, 240));
        assertThat(first.minDistance(second.hash())).isGreaterThan(2 * ImageMatchPolicy.MATCH_DISTANCE);
        assertThat(ImageMatchPolicy.matches(first, second)).isFalse();
    }

    /** The case jqwik once shrank a failure to: seeds equal in their low 48 bits drew one picture. */
    @Example
    void templateLookAlikesWhoseSeedsShareTheirLow48BitsDoNotMatch() {
        templateLookAlikesDoNotMatchEachOther(0, 0, Long.MIN_VALUE);
    }

    @Property(tries = 10)
    void templateLookAlikesDoNotMatchEachOther(@ForAll long template, @ForAll long a, @ForAll long b) {
        Assume.that(a != b);
        PdqHasher hasher = new PdqHasher();
        DihedralHashes first = hasher.dihedralHashes(ArtworkFixtures.templated(template, a, 320, 240));
        PdqFingerprint second = hasher.hash(ArtworkFixtures.templated(template, b, 320, 240));
        assertThat(ImageMatchPolicy.matches(first, second)).isFalse();
    }
}
