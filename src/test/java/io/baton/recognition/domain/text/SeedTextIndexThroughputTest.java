package io.baton.recognition.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * Single-thread throughput of matching a ~70-character message against 50 live seeds, printed
 * for docs/recognition-text-thresholds.md. No timing assertion: the build machine is shared, so a
 * bound would only make the test flaky; the figure is read, not enforced.
 */
class SeedTextIndexThroughputTest {

    @Test
    void measuresMatchesPerSecondAgainstFiftySeeds() {
        List<SeedText> seeds = new ArrayList<>(SeedTextFixtures.seeds());
        SeedTextFixtures.OTHER_CAMPAIGN_TEXTS.forEach(t -> seeds.add(new SeedText("other-" + seeds.size(), t)));
        SeedTextFixtures.CHAT_TEXTS.stream().limit(50 - seeds.size())
                .forEach(t -> seeds.add(new SeedText("chat-" + seeds.size(), t)));
        assertThat(seeds).hasSize(50);
        SeedTextIndex index = SeedTextIndex.of(seeds);
        TextNormaliser normaliser = TextNormaliser.withBuiltInPhrases();

        String forward = "Fwd: " + HandsetEdits.TRADITIONAL.apply().apply(SeedTextFixtures.seedText(
                SeedTextFixtures.SEED_TEMPLATES.get(0)), null) + "\n—— 来自我的诺基亚";
        String unrelated = "明天下午三点在公司楼下的咖啡馆见面，记得带上合同和发票，还有上次说的那份市场调研报告和样品清单，别迟到了哦！路上注意安全，到了给我打电话，谢谢";
        assertThat(index.match(forward)).isInstanceOf(TextMatch.Recognised.class);
        assertThat(index.match(unrelated)).isInstanceOf(TextMatch.Unrecognised.class);

        report("forward of a seed (" + forward.codePointCount(0, forward.length()) + " chars), full match",
                () -> index.match(forward));
        report("unrelated chat (" + unrelated.codePointCount(0, unrelated.length()) + " chars), full match",
                () -> index.match(unrelated));
        report("normalisation only, forward", () -> normaliser.normalise(forward));
    }

    private static void report(String what, Supplier<Object> work) {
        int iterations = 20_000;
        double best = 0;
        for (int round = 0; round < 4; round++) {
            long start = System.nanoTime();
            int sink = 0;
            for (int i = 0; i < iterations; i++) {
                sink += work.get().hashCode() & 1;
            }
            double perSecond = iterations / ((System.nanoTime() - start) / 1e9);
            best = Math.max(best, perSecond + (sink < 0 ? 1 : 0));
        }
        System.out.printf(Locale.ROOT, "%-55s %,10.0f per second (%.1f µs each), best of 4 rounds of %d%n", what, best,
                1e6 / best, iterations);
    }
}
