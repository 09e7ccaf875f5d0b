package io.baton.recognition.domain.text;

import static io.baton.recognition.domain.text.SeedTextFixtures.CHAT_TEXTS;
import static io.baton.recognition.domain.text.SeedTextFixtures.OTHER_BRANDS_EN;
import static io.baton.recognition.domain.text.SeedTextFixtures.OTHER_BRANDS_ZH;
import static io.baton.recognition.domain.text.SeedTextFixtures.OTHER_CAMPAIGN_TEXTS;
import static io.baton.recognition.domain.text.SeedTextFixtures.OTHER_KEY_SENTENCES_EN;
import static io.baton.recognition.domain.text.SeedTextFixtures.OTHER_KEY_SENTENCES_ZH;
import static io.baton.recognition.domain.text.SeedTextFixtures.SEED_TEMPLATES;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import io.baton.support.SeededRandom;

/**
 * Generates forwards (every seed under every handset edit) and near misses, runs them through an
 * index of all seeds, and tabulates the evidence: the measurement behind the default policy.
 */
final class TextCalibration {

    /** One generated message: what it is, which campaign it should (or should not) match. */
    record Sample(String category, boolean positive, String campaignId, String text) {
    }

    /** The outcome for one sample: the evidence for the campaign it is about, and the verdict. */
    record Outcome(Sample sample, double containment, double reverse, int longestChange, int matched, boolean correct,
            boolean falseRecognition) {
    }

    static final int TRIALS_PER_SEED = 8;

    static List<Sample> positives(long seed) {
        Random r = new SeededRandom(seed);
        List<Sample> out = new ArrayList<>();
        for (HandsetEdits.Edit edit : HandsetEdits.all()) {
            for (int i = 0; i < SEED_TEMPLATES.size(); i++) {
                String text = SeedTextFixtures.seedText(SEED_TEMPLATES.get(i));
                for (int t = 0; t < TRIALS_PER_SEED; t++) {
                    out.add(new Sample(edit.name(), true, SeedTextFixtures.campaignId(i), edit.apply().apply(text, r)));
                }
            }
        }
        return out;
    }

    static List<Sample> negatives(long seed) {
        Random r = new SeededRandom(seed);
        List<Sample> out = new ArrayList<>();
        OTHER_CAMPAIGN_TEXTS.forEach(t -> out.add(new Sample("other campaign texts", false, null, t)));
        CHAT_TEXTS.forEach(t -> out.add(new Sample("chat messages", false, null, t)));
        for (int i = 0; i < SEED_TEMPLATES.size(); i++) {
            String template = SEED_TEMPLATES.get(i);
            String id = SeedTextFixtures.campaignId(i);
            boolean zh = SeedTextFixtures.isChinese(template);
            for (String brand : zh ? OTHER_BRANDS_ZH : OTHER_BRANDS_EN) {
                if (template.contains("{" + brand + "}")) {
                    continue;
                }
                out.add(new Sample("same slogan, other brand", false, id, SeedTextFixtures.withBrand(template, brand)));
            }
            for (String key : zh ? OTHER_KEY_SENTENCES_ZH : OTHER_KEY_SENTENCES_EN) {
                out.add(new Sample("same template, other key sentence", false, id,
                        SeedTextFixtures.withKeySentence(template, key)));
            }
            String text = SeedTextFixtures.seedText(template);
            for (int t = 0; t < 4; t++) {
                String chat = CHAT_TEXTS.get(r.nextInt(CHAT_TEXTS.size())) + CHAT_TEXTS.get(r.nextInt(CHAT_TEXTS.size()));
                out.add(new Sample("first half of seed + other text", false, id, HandsetEdits.truncate(text, 0.5) + chat));
            }
        }
        return out;
    }

    static List<Outcome> run(SeedTextIndex index, List<Sample> samples) {
        List<Outcome> out = new ArrayList<>();
        for (Sample s : samples) {
            TextMatch m = index.match(s.text());
            TextCandidate about = m.candidates().stream()
                    .filter(c -> s.campaignId() == null || c.campaignId().equals(s.campaignId())).findFirst()
                    .orElse(null);
            String recognised = m instanceof TextMatch.Recognised rec ? rec.campaign().campaignId() : null;
            boolean correct = s.positive() ? s.campaignId().equals(recognised) : recognised == null;
            boolean wrong = recognised != null && !recognised.equals(s.positive() ? s.campaignId() : null);
            out.add(new Outcome(s, about == null ? 0 : about.containment(), about == null ? 0 : about.reverseShare(),
                    about == null ? 0 : about.longestChange(), about == null ? 0 : about.matchedShingles(), correct, wrong));
        }
        return out;
    }

    /** One line per category: rate of correct outcomes and the spread of each signal. */
    static String table(List<Outcome> outcomes) {
        Map<String, List<Outcome>> byCategory = new LinkedHashMap<>();
        outcomes.forEach(o -> byCategory.computeIfAbsent(o.sample().category(), k -> new ArrayList<>()).add(o));
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
                "| %-58s | %4s | %7s | %5s | %-20s | %-20s | %-9s |%n", "category", "n", "correct", "wrong",
                "containment min/p5/p50", "reverse min/p5/p50", "change p95/max"));
        byCategory.forEach((category, list) -> {
            long correct = list.stream().filter(Outcome::correct).count();
            long wrong = list.stream().filter(Outcome::falseRecognition).count();
            double[] c = list.stream().mapToDouble(Outcome::containment).sorted().toArray();
            double[] r = list.stream().mapToDouble(Outcome::reverse).sorted().toArray();
            double[] g = list.stream().mapToDouble(Outcome::longestChange).sorted().toArray();
            boolean positive = list.get(0).sample().positive();
            out.append(String.format(Locale.ROOT, "| %-58s | %4d | %6.1f%% | %5d | %s | %s | %3.0f / %3.0f |%n", category,
                    list.size(), 100.0 * correct / list.size(), wrong, spread(c, positive), spread(r, positive),
                    quantile(g, 0.95), g[g.length - 1]));
        });
        return out.toString();
    }

    /** Positives: the low end matters (min, p5, median); negatives: the high end (max, p95, median). */
    private static String spread(double[] sorted, boolean positive) {
        return positive
                ? String.format(Locale.ROOT, "%.2f / %.2f / %.2f    ", sorted[0], quantile(sorted, 0.05), quantile(sorted, 0.5))
                : String.format(Locale.ROOT, "max %.2f/%.2f/%.2f", sorted[sorted.length - 1], quantile(sorted, 0.95),
                        quantile(sorted, 0.5));
    }

    static double quantile(double[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.floor(q * sorted.length))];
    }

    /** Share of correct outcomes per category, one column per configuration. */
    static String grid(List<String> configs, List<List<Outcome>> results) {
        Map<String, double[]> rows = new LinkedHashMap<>();
        for (int k = 0; k < results.size(); k++) {
            Map<String, long[]> counts = new LinkedHashMap<>();
            for (Outcome o : results.get(k)) {
                long[] c = counts.computeIfAbsent(o.sample().category(), x -> new long[2]);
                c[0] += o.correct() ? 1 : 0;
                c[1]++;
            }
            int col = k;
            counts.forEach((cat, c) -> rows.computeIfAbsent(cat, x -> new double[results.size()])[col] = 100.0 * c[0] / c[1]);
        }
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "| %-58s |", "% correct"));
        configs.forEach(c -> out.append(String.format(Locale.ROOT, " %9s |", c)));
        out.append('\n');
        rows.forEach((cat, v) -> {
            out.append(String.format(Locale.ROOT, "| %-58s |", cat));
            for (double x : v) {
                out.append(String.format(Locale.ROOT, " %8.1f%% |", x));
            }
            out.append('\n');
        });
        return out.toString();
    }

    static String csv(List<Outcome> outcomes) {
        StringBuilder out = new StringBuilder("category,positive,containment,reverse,change,matched,correct\n");
        for (Outcome o : outcomes) {
            out.append(String.format(Locale.ROOT, "\"%s\",%s,%.4f,%.4f,%d,%d,%s%n", o.sample().category(),
                    o.sample().positive(), o.containment(), o.reverse(), o.longestChange(), o.matched(), o.correct()));
        }
        return out.toString();
    }

    static double[] sortedCopy(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        return copy;
    }
}
