package io.baton.recognition.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
    void measuresShingleLengthsAndChangedRuns() throws IOException {
        List<String> configs = new ArrayList<>();
        List<List<TextCalibration.Outcome>> results = new ArrayList<>();
        TextMatchPolicy d = TextMatchPolicy.defaults();
        for (int alpha = 3; alpha <= 4; alpha++) {
            for (int run = 1; run <= 2; run++) {
                for (double whole : new double[] { 0.7, 0.8, 0.9 }) {
                    TextMatchPolicy policy = new TextMatchPolicy(d.ideographShingleLength(), alpha, d.minSeedLength(),
                            d.minMatchedShingles(), whole, d.truncatedContainment(), d.truncatedReverseShare(), run,
                            d.ambiguityMargin());
                    SeedTextIndex index = new SeedTextIndex(SeedTextFixtures.seeds(),
                            TextNormaliser.withBuiltInPhrases(), policy);
                    List<TextCalibration.Outcome> all = new ArrayList<>(TextCalibration.run(index, POSITIVES));
                    all.addAll(TextCalibration.run(index, NEGATIVES));
                    configs.add(alpha + "/" + run + "/" + whole);
                    results.add(all);
                }
            }
        }
        String grid = TextCalibration.grid(configs, results);
        SeedTextIndex index = SeedTextIndex.of(SeedTextFixtures.seeds());
        List<TextCalibration.Outcome> pos = TextCalibration.run(index, POSITIVES);
        List<TextCalibration.Outcome> neg = TextCalibration.run(index, NEGATIVES);
        String report = "columns: alphabetic shingle length / max changed run / whole-seed containment (ideograph shingle 2)\n" + grid
                + "\ndefaults " + d + "\n" + TextCalibration.table(pos) + TextCalibration.table(neg);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", "text-calibration.txt"), report, StandardCharsets.UTF_8);
        Files.writeString(Path.of("target", "text-calibration.csv"), TextCalibration.csv(pos)
                + TextCalibration.csv(neg).lines().skip(1).map(l -> l + "\n").reduce("", String::concat),
                StandardCharsets.UTF_8);
        System.out.print(report);
        assertThat(POSITIVES).isNotEmpty();
    }
}
