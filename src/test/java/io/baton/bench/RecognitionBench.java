package io.baton.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

import io.baton.recognition.domain.MessageContent;
import io.baton.recognition.domain.Recognition;
import io.baton.recognition.domain.SeedRecogniser;
import io.baton.recognition.domain.SeedReference;
import io.baton.recognition.domain.image.ImageDecoding;
import io.baton.recognition.domain.image.UnreadableImageException;

/**
 * Recognition benchmark (run by {@code bench/recognition}): builds a labelled corpus of its own
 * (seeds, their modified forwards, negatives including real photos), runs every message through
 * one shared {@link SeedRecogniser} on N threads and prints recall per modification type, false
 * positives per negative family, and throughput with decoding measured apart. Options:
 * {@code --seeds N (24) --positives N (20000) --negatives N (100000) --threads N (2)
 * --throughput-messages N (5000) --no-photos}.
 */
public final class RecognitionBench {

    private RecognitionBench() {
    }

    public static void main(String[] args) throws Exception {
        int seedCount = intArg(args, "--seeds", 24);
        int positives = intArg(args, "--positives", 20_000);
        int negatives = intArg(args, "--negatives", 100_000);
        int threads = intArg(args, "--threads", 2);
        int throughputMessages = intArg(args, "--throughput-messages", 5_000);
        boolean noPhotos = Arrays.asList(args).contains("--no-photos");

        System.out.printf(Locale.ROOT, "# bench/recognition, %s%n%n", Instant.now());
        System.out.printf(Locale.ROOT, "- command: `bench/recognition %s`%n", String.join(" ", args));
        System.out.printf(Locale.ROOT, "- machine: %d cores, load average at start %s (other work runs here)%n",
                Runtime.getRuntime().availableProcessors(), loadAverage());
        System.out.printf(Locale.ROOT, "- Java %s, heap max %d MB, %d recognition threads%n",
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() >> 20, threads);

        long t0 = System.nanoTime();
        List<BenchSeeds.Seed> seeds = BenchSeeds.build(seedCount, Path.of("campaigns"));
        BenchPhotos.Photos photos = noPhotos ? new BenchPhotos.Photos(List.of(), List.of(),
                "WARNING: --no-photos: negatives have no real photos") : BenchPhotos.load(1024);
        System.out.printf(Locale.ROOT, "- seeds: %d (%s), thresholds: Campaign.RecognitionRules.DEFAULTS%n", seeds.size(),
                seeds.stream().map(s -> s.campaignId() + " " + s.kind().name().toLowerCase(Locale.ROOT) + " "
                        + s.picture().getWidth() + "x" + s.picture().getHeight()).reduce((a, b) -> a + ", " + b).orElse(""));
        System.out.printf(Locale.ROOT, "- real photos: %s%n", photos.note());

        List<BenchCorpus.Modification> mods = BenchCorpus.modifications();
        BenchNegatives negs = new BenchNegatives(seeds, photos.pictures());
        ForkJoinPool pool = new ForkJoinPool(threads);
        List<BenchCorpus.Labelled> corpus = pool.submit(() -> IntStream.range(0, positives + negatives).parallel()
                .mapToObj(k -> k < positives ? positive(k, mods, seeds) : negs.make(k - positives, 0x5EED))
                .toList()).get();
        long generated = System.nanoTime();
        long imageMessages = corpus.stream().filter(BenchCorpus.Labelled::hasImage).count();
        System.out.printf(Locale.ROOT, "- corpus: %,d positives (%d modification types), %,d negatives (%d families); "
                + "%,d messages carry an image, %,d distinct image files; generated in %.1f s (not timed below)%n",
                positives, mods.size(), negatives, negs.families().size(), imageMessages, distinctImages(corpus),
                (generated - t0) / 1e9);

        List<SeedReference> refs = seeds.stream().map(BenchSeeds.Seed::reference).toList();
        long b0 = System.nanoTime();
        SeedRecogniser shared = new SeedRecogniser(refs);
        System.out.printf(Locale.ROOT, "- index built in %.2f s%n", (System.nanoTime() - b0) / 1e9);

        // the corpus pass: every message through the one shared recogniser, on N threads
        List<MessageContent> contents = corpus.stream().map(BenchCorpus.Labelled::content).toList();
        long p0 = System.nanoTime();
        Recognition[] results = BenchRun.recognise(shared, contents, threads);
        double passSeconds = (System.nanoTime() - p0) / 1e9;
        System.out.printf(Locale.ROOT, "- corpus pass: %,d messages (texts and images mixed) in %.1f s on %d threads: "
                + "%,.0f messages/s%n", corpus.size(), passSeconds, threads, corpus.size() / passSeconds);

        // thread-safety: a sample again on one thread with a fresh recogniser; decisions must agree
        int[] sample = IntStream.range(0, corpus.size()).filter(i -> i % Math.max(1, corpus.size() / 1500) == 0).toArray();
        SeedRecogniser single = new SeedRecogniser(refs);
        int differ = 0;
        for (int i : sample) {
            Recognition r = single.recognise(contents.get(i));
            if (!r.campaignId().equals(results[i].campaignId()) || Math.abs(r.confidence() - results[i].confidence()) > 1e-9) {
                differ++;
                System.out.printf(Locale.ROOT, "  THREAD-SAFETY MISMATCH message %d (%s): %d threads %s, 1 thread %s%n", i,
                        corpus.get(i).type(), threads, results[i].campaignId(), r.campaignId());
            }
        }
        System.out.printf(Locale.ROOT, "- thread safety: %,d sampled messages re-run on 1 thread with a fresh recogniser: "
                + "%d decisions differ%n", sample.length, differ);
        if (differ > 0) {
            System.out.println("\nFAILED: the shared recogniser is not thread-safe (decisions differ)");
            System.exit(2);
        }

        BenchReport.recall(corpus, results);
        BenchReport.falsePositives(corpus, results);

        // throughput: two mixes of image messages, each on a fresh recogniser (empty fingerprint cache)
        System.out.println("\n## Throughput with images\n");
        List<BenchRun.Mix> mixes = BenchRun.mixes(corpus, seeds, throughputMessages);
        System.out.println("| mix | messages | distinct image files | image parts | threads | recognition, end to end "
                + "| decode alone (ImageDecoding.MMS, every image part, no cache) | decode time / recognition time |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        for (BenchRun.Mix mix : mixes) {
            SeedRecogniser fresh = new SeedRecogniser(refs);
            long r0 = System.nanoTime();
            BenchRun.recognise(fresh, mix.messages(), threads);
            double rs = (System.nanoTime() - r0) / 1e9;
            long d0 = System.nanoTime();
            int parts = decodeAll(mix.messages(), threads);
            double ds = (System.nanoTime() - d0) / 1e9;
            System.out.printf(Locale.ROOT, "| %s | %,d | %,d | %,d | %d | **%,.0f messages/s** (%.2f s) | %,.0f messages/s "
                    + "(%.2f s, %.2f ms per image part per thread) | %.0f%% |%n", mix.name(), mix.messages().size(),
                    mix.distinctFiles(), parts, threads, mix.messages().size() / rs, rs, mix.messages().size() / ds, ds,
                    ds * threads * 1000 / parts, 100 * ds / rs);
        }
        mixes.forEach(m -> System.out.printf(Locale.ROOT, "%n- %s: %s", m.name(), m.description()));
        System.out.printf(Locale.ROOT, "%n%nLoad average at the end: %s. Total run time %.0f s.%n", loadAverage(),
                (System.nanoTime() - t0) / 1e9);
        pool.shutdown();
    }

    static BenchCorpus.Labelled positive(int k, List<BenchCorpus.Modification> mods, List<BenchSeeds.Seed> seeds) {
        BenchCorpus.Modification m = mods.get(k % mods.size());
        BenchSeeds.Seed s = seeds.get((k / mods.size()) % seeds.size());
        return m.generator().make(s, new java.util.Random(k * 0x9E3779B97F4A7C15L ^ 0xF0F0), m.name());
    }

    /** Decodes every image part of the messages on N threads; returns how many parts. */
    static int decodeAll(List<MessageContent> messages, int threads) throws Exception {
        ImageDecoding decoding = new ImageDecoding(ImageDecoding.MMS);
        List<byte[]> images = new ArrayList<>();
        messages.forEach(m -> m.parts().stream().filter(p -> p.contentType().startsWith("image/"))
                .forEach(p -> images.add(p.data())));
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> images.parallelStream().forEach(d -> {
                try {
                    Objects.requireNonNull(decoding.decode(d).pixels());
                } catch (UnreadableImageException e) {
                    // counted as decoded: recognition would have tried too
                }
            })).get();
        } finally {
            pool.shutdown();
        }
        return images.size();
    }

    static long distinctImages(List<BenchCorpus.Labelled> corpus) {
        Set<String> seen = new HashSet<>();
        corpus.forEach(l -> l.content().parts().stream().filter(p -> p.contentType().startsWith("image/"))
                .forEach(p -> seen.add(BenchRun.key(p.data()))));
        return seen.size();
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " / " + f[1] + " / " + f[2] + " (1/5/15 min)";
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static int intArg(String[] args, String name, int def) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return def;
    }
}
