package io.baton.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

import io.baton.recognition.domain.Evidence;
import io.baton.recognition.domain.Recognition;

/** The markdown tables: recall per modification type, overall recall, false positives. */
final class BenchReport {

    static final int MIN_SIDE = 160;

    private BenchReport() {
    }

    static void recall(List<BenchCorpus.Labelled> corpus, Recognition[] results) {
        Map<String, List<Integer>> byType = new LinkedHashMap<>();
        for (int i = 0; i < corpus.size(); i++) {
            if (corpus.get(i).positive()) {
                byType.computeIfAbsent(corpus.get(i).type(), k -> new ArrayList<>()).add(i);
            }
        }
        System.out.println("\n## Recall per modification type\n");
        System.out.println("| modification | n | recognised | recall | wrong campaign | median confidence "
                + "| image side (min–max px) |");
        System.out.println("|---|---|---|---|---|---|---|");
        List<String> failing = new ArrayList<>();
        byType.forEach((type, idx) -> {
            int ok = 0;
            int wrong = 0;
            List<Double> conf = new ArrayList<>();
            int minSide = Integer.MAX_VALUE;
            int maxSide = -1;
            for (int i : idx) {
                BenchCorpus.Labelled l = corpus.get(i);
                Recognition r = results[i];
                if (r.campaignId().isPresent() && r.campaignId().get().equals(l.campaignId())) {
                    ok++;
                    conf.add(r.confidence());
                } else if (r.campaignId().isPresent()) {
                    wrong++;
                }
                minSide = Math.min(minSide, l.imageSide());
                maxSide = Math.max(maxSide, l.imageSide());
            }
            conf.sort(Double::compare);
            double recall = 100.0 * ok / idx.size();
            if (ok < idx.size()) {
                failing.add(type);
            }
            System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %s%.2f%%%s | %d | %s | %s |%n", type, idx.size(), ok,
                    recall < 99.5 ? "**" : "", recall, recall < 99.5 ? "**" : "", wrong,
                    conf.isEmpty() ? "–" : String.format(Locale.ROOT, "%.3f", conf.get(conf.size() / 2)),
                    maxSide < 0 ? "no image" : minSide + "–" + maxSide);
        });

        System.out.println("\n## Overall recall\n");
        System.out.println("| positives | n | recognised (right campaign) | recall | wrong campaign |");
        System.out.println("|---|---|---|---|---|");
        overall(corpus, results, "all positives (text-only included)", l -> true);
        overall(corpus, results, "positives with an image (text-only excluded)", BenchCorpus.Labelled::hasImage);
        overall(corpus, results, "**seed image survives at ≥ 160 px** (target ≥ 99.5%)", l -> l.imageSide() >= MIN_SIDE);
        overall(corpus, results, "seed image ≥ 160 px, or text-only", l -> l.imageSide() >= MIN_SIDE || !l.hasImage());
        overall(corpus, results, "image under 160 px", l -> l.hasImage() && l.imageSide() < MIN_SIDE);
        overall(corpus, results, "text-only (no image)", l -> !l.hasImage());

        if (!failing.isEmpty()) {
            System.out.println("\nMissed forwards, first two of each type with misses (evidence as recorded):\n");
            for (String type : failing) {
                int shown = 0;
                for (int i = 0; i < corpus.size() && shown < 2; i++) {
                    BenchCorpus.Labelled l = corpus.get(i);
                    Recognition r = results[i];
                    if (l.positive() && l.type().equals(type) && !r.campaignId().equals(java.util.Optional.of(l.campaignId()))) {
                        shown++;
                        System.out.printf(Locale.ROOT, "- %s, seed %s, image %s: %s%n", type, l.campaignId(),
                                l.hasImage() ? l.imageSide() + " px" : "none", describe(r));
                    }
                }
            }
        }
    }

    private static void overall(List<BenchCorpus.Labelled> corpus, Recognition[] results, String name,
            Predicate<BenchCorpus.Labelled> which) {
        int n = 0;
        int ok = 0;
        int wrong = 0;
        for (int i = 0; i < corpus.size(); i++) {
            BenchCorpus.Labelled l = corpus.get(i);
            if (!l.positive() || !which.test(l)) {
                continue;
            }
            n++;
            if (results[i].campaignId().isPresent()) {
                if (results[i].campaignId().get().equals(l.campaignId())) {
                    ok++;
                } else {
                    wrong++;
                }
            }
        }
        System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %.2f%% | %d |%n", name, n, ok, n == 0 ? 0 : 100.0 * ok / n, wrong);
    }

    static void falsePositives(List<BenchCorpus.Labelled> corpus, Recognition[] results) {
        Map<String, int[]> byFamily = new LinkedHashMap<>();
        Map<String, List<String>> examples = new LinkedHashMap<>();
        Map<String, Map<String, Integer>> bySignal = new LinkedHashMap<>();
        int total = 0;
        int fp = 0;
        for (int i = 0; i < corpus.size(); i++) {
            BenchCorpus.Labelled l = corpus.get(i);
            if (l.positive()) {
                continue;
            }
            int[] c = byFamily.computeIfAbsent(l.type(), k -> new int[3]);
            c[0]++;
            c[2] += l.hasImage() ? 1 : 0;
            total++;
            if (results[i].recognised()) {
                c[1]++;
                fp++;
                String campaign = results[i].campaignId().get();
                results[i].evidence().stream().filter(e -> e.decisive() && e.campaignId().equals(campaign))
                        .map(e -> e.signal().name()).distinct()
                        .forEach(sig -> bySignal.computeIfAbsent(l.type(), k -> new java.util.TreeMap<>()).merge(sig, 1, Integer::sum));
                List<String> ex = examples.computeIfAbsent(l.type(), k -> new ArrayList<>());
                if (ex.size() < 3) {
                    ex.add(describe(results[i]));
                }
            }
        }
        System.out.println("\n## False positives (negatives recognised as any campaign)\n");
        System.out.println("| negative family | n | with an image | recognised as a campaign | rate | decisive signals of the FPs |");
        System.out.println("|---|---|---|---|---|---|");
        byFamily.forEach((f, c) -> System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %s%d%s | %.4f%% | %s |%n", f, c[0], c[2],
                c[1] > 0 ? "**" : "", c[1], c[1] > 0 ? "**" : "", 100.0 * c[1] / c[0],
                bySignal.containsKey(f) ? bySignal.get(f).toString() : "–"));
        System.out.printf(Locale.ROOT, "| **all negatives** | %,d | %,d | **%d** | %.4f%% | |%n", total,
                byFamily.values().stream().mapToInt(c -> c[2]).sum(), fp, total == 0 ? 0 : 100.0 * fp / total);
        if (!examples.isEmpty()) {
            System.out.println("\nFalse positives, first three of each family (evidence):\n");
            examples.forEach((f, ex) -> ex.forEach(e -> System.out.printf(Locale.ROOT, "- %s: %s%n", f, e)));
        }
    }

    /** The decision and its first evidence lines. */
    static String describe(Recognition r) {
        StringBuilder out = new StringBuilder(r.campaignId().map(c -> "recognised as " + c).orElse("not recognised"));
        out.append(String.format(Locale.ROOT, " (confidence %.3f)", r.confidence()));
        List<Evidence> ev = r.evidence();
        if (ev.isEmpty()) {
            out.append("; no evidence at all");
        }
        for (int i = 0; i < Math.min(4, ev.size()); i++) {
            Evidence e = ev.get(i);
            out.append("; ").append(e.signal()).append(' ').append(e.campaignId()).append(e.decisive() ? " decisive: "
                    : " near miss: ").append(e.detail().replace('|', '/').replace('\n', ' '));
        }
        if (ev.size() > 4) {
            out.append("; … ").append(ev.size() - 4).append(" more");
        }
        return out.toString();
    }
}
