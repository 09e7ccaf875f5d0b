package io.baton.recognition.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The measurement behind {@link TextMatchPolicy#defaults()}: prints, per handset edit and per kind
 * of near miss, how often the index decides right and how the signals spread, and writes the raw
 * points to target/ for re-analysis. Fixed random seeds, so the figures are reproducible.
 */
class TextThresholdCalibrationTest {

    private static final List<TextCalibration.Sample> POSITIVES = TextCalibration.positives(20261129L);
    private static final List<TextCalibration.Sample> NEGATIVES = TextCalibration.negatives(4L);

    @Test
    void measuresShingleLengthsAndGaps() throws IOException {
        StringBuilder grid = new StringBuilder();
        for (int n = 2; n <= 3; n++) {
            for (int gap = n; gap <= n + 2; gap++) {
                TextMatchPolicy d = TextMatchPolicy.defaults();
                TextMatchPolicy policy = new TextMatchPolicy(n, d.minSeedLength(), d.minMatchedShingles(),
                        d.wholeSeedContainment(), d.truncatedContainment(), d.truncatedReverseShare(), gap,
                        d.ambiguityMargin());
                SeedTextIndex index = new SeedTextIndex(SeedTextFixtures.seeds(), TextNormaliser.withBuiltInPhrases(),
                        policy);
                List<TextCalibration.Outcome> pos = TextCalibration.run(index, POSITIVES);
                List<TextCalibration.Outcome> neg = TextCalibration.run(index, NEGATIVES);
                grid.append("n=").append(n).append(" maxGap=").append(gap).append('\n')
                        .append(TextCalibration.table(pos)).append(TextCalibration.table(neg));
                Path dir = Path.of("target");
                Files.createDirectories(dir);
                Files.writeString(dir.resolve("text-calibration-n" + n + "-gap" + gap + ".csv"),
                        TextCalibration.csv(pos) + TextCalibration.csv(neg).lines().skip(1).map(l -> l + "\n")
                                .reduce("", String::concat), StandardCharsets.UTF_8);
            }
        }
        Files.writeString(Path.of("target", "text-calibration.txt"), grid, StandardCharsets.UTF_8);
        System.out.print(grid);
        assertThat(POSITIVES).isNotEmpty();
    }
}
