package io.baton.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.dynatrace.hash4j.hashing.Hashing;

import io.baton.recognition.domain.MessageContent;
import io.baton.recognition.domain.Recognition;
import io.baton.recognition.domain.SeedMatcher;

/** Runs messages through one shared matcher on N threads, and builds the throughput mixes. */
final class BenchRun {

    /** A list of messages to time, and what it is. */
    record Mix(String name, String description, List<MessageContent> messages, long distinctFiles) {
    }

    private BenchRun() {
    }

    /** Every message through the one matcher, N threads taking the next message as they finish. */
    static Recognition[] recognise(SeedMatcher matcher, List<MessageContent> messages, int threads) throws Exception {
        Recognition[] out = new Recognition[messages.size()];
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < out.length; i = next.getAndIncrement()) {
                        out[i] = matcher.recognise(messages.get(i));
                    }
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return out;
    }

    static String key(byte[] data) {
        return Long.toHexString(Hashing.xxh3_64().hashBytesToLong(data)) + ":" + data.length;
    }

    private static String imageKey(MessageContent m) {
        StringBuilder k = new StringBuilder();
        m.parts().stream().filter(p -> p.contentType().startsWith("image/")).forEach(p -> k.append(key(p.data())));
        return k.toString();
    }

    /**
     * Worst case: image messages of the corpus (positives and negatives in corpus proportion), each
     * image file once. Realistic: as forwards arrive during a viral campaign, where most handsets
     * forward the file they received unchanged and an MMSC or handset model re-encodes the seed the
     * same way for all its users.
     */
    static List<Mix> mixes(List<BenchCorpus.Labelled> corpus, List<BenchSeeds.Seed> seeds, int size) {
        List<BenchCorpus.Labelled> images = corpus.stream().filter(BenchCorpus.Labelled::hasImage).toList();
        int stride = Math.max(1, images.size() / Math.max(1, size));
        Set<String> seen = new HashSet<>();
        List<MessageContent> distinct = new ArrayList<>();
        for (int i = 0; i < images.size() && distinct.size() < size; i += stride) {
            MessageContent m = images.get(i).content();
            if (seen.add(imageKey(m))) {
                distinct.add(m);
            }
        }
        long distinctPositives = distinct.stream().filter(m -> corpusPositive(corpus, m)).count();
        Mix worst = new Mix("all distinct (worst case)", String.format(java.util.Locale.ROOT,
                "%,d image-bearing messages taken evenly from the corpus (%,d positives, %,d negatives), every image "
                        + "file different (byte-identical repeats removed), so every image is decoded and hashed; "
                        + "texts and tags as in the corpus.", distinct.size(), distinctPositives,
                distinct.size() - distinctPositives), distinct, distinct.size());

        // popular forwards: up to 20 image-only/combined forwards per seed, repeated many times
        Map<String, List<MessageContent>> popular = new LinkedHashMap<>();
        Set<String> popularKeys = new HashSet<>();
        for (BenchCorpus.Labelled l : images) {
            if (l.positive() && !l.type().startsWith("exact") && !l.type().contains("SMIL") && !l.type().contains("subject")) {
                List<MessageContent> list = popular.computeIfAbsent(l.campaignId(), k -> new ArrayList<>());
                if (list.size() < 20 && popularKeys.add(imageKey(l.content()))) {
                    list.add(l.content());
                }
            }
        }
        List<MessageContent> popularAll = popular.values().stream().flatMap(List::stream).toList();
        List<MessageContent> fresh = distinct.stream().filter(m -> !popularKeys.contains(imageKey(m))).toList();
        Random r = new Random(42);
        List<MessageContent> realistic = new ArrayList<>();
        int freshUsed = 0;
        Set<String> files = new HashSet<>();
        for (int i = 0; i < size; i++) {
            int d = r.nextInt(10);
            MessageContent m;
            if (d < 3 || popularAll.isEmpty()) {
                m = seeds.get(r.nextInt(seeds.size())).sent();
            } else if (d < 8 || freshUsed >= fresh.size()) {
                m = popularAll.get(r.nextInt(popularAll.size()));
            } else {
                m = fresh.get(freshUsed++);
            }
            realistic.add(m);
            files.add(imageKey(m));
        }
        Mix real = new Mix("realistic repeats", String.format(java.util.Locale.ROOT,
                "%,d messages: 30%% the seed exactly as Baton sent it (forwarded unchanged), 50%% drawn from %,d popular "
                        + "re-encoded forwards (20 per seed: the same handset model or MMSC makes the same file for all "
                        + "its users), 20%% a file seen once (other forwards and ordinary pictures, from the worst-case "
                        + "mix); %,d distinct image files in all.", realistic.size(), popularAll.size(), files.size()),
                realistic, files.size());
        return List.of(worst, real);
    }

    private static boolean corpusPositive(List<BenchCorpus.Labelled> corpus, MessageContent m) {
        return positives(corpus).contains(m);
    }

    private static Set<MessageContent> positiveSet;

    private static synchronized Set<MessageContent> positives(List<BenchCorpus.Labelled> corpus) {
        if (positiveSet == null) {
            positiveSet = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            corpus.stream().filter(BenchCorpus.Labelled::positive).forEach(l -> positiveSet.add(l.content()));
        }
        return positiveSet;
    }
}
