package io.baton.bench;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.*;

import io.baton.recognition.domain.MessageContent;
import io.baton.recognition.domain.image.*;

/**
 * Measures what the block comparison of {@code LumaThumbnail} rests on: for each standard edit
 * (and the bench's chains) of the bench seeds, the PDQ distance to the nearest indexed variant of
 * its own seed and the block agreement with the nearest few; for generated negatives, the same
 * against every seed. Prints percentiles per edit and per negative family
 * (docs/recognition-image-thresholds.md, "Block agreement"). Run from the project root after
 * {@code bench/recognition} built the classpath:
 * {@code java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" io.baton.bench.OverlayDistances [reps] [negatives]}.
 * The index here is the whole seed and its 15 fixed crops (no palette variants, no crop
 * alignment), so "verified" counts what blocks add to the hash alone.
 */
public class OverlayDistances {
    record E(String seed, String name, PdqHash hash, LumaThumbnail thumb) {}

    public static void main(String[] args) throws Exception {
        List<BenchSeeds.Seed> seeds = BenchSeeds.build(24, Path.of("campaigns"));
        PdqHasher h = new PdqHasher();
        List<E> entries = new ArrayList<>();
        double[] crops = {0.05, 0.10, 0.15};
        for (BenchSeeds.Seed s : seeds) {
            BufferedImage p = s.picture();
            Map<String, BufferedImage> vs = new LinkedHashMap<>();
            vs.put("whole", p);
            for (double f : crops) {
                vs.put("c" + f, ImageVariants.crop(p, f, f, f, f));
                vs.put("l" + f, ImageVariants.crop(p, f, 0, 0, 0));
                vs.put("t" + f, ImageVariants.crop(p, 0, f, 0, 0));
                vs.put("r" + f, ImageVariants.crop(p, 0, 0, f, 0));
                vs.put("b" + f, ImageVariants.crop(p, 0, 0, 0, f));
            }
            vs.forEach((n, img) -> {
                DihedralHashes dh = h.dihedralHashes(img);
                for (Dihedral d : Dihedral.values()) {
                    entries.add(new E(s.campaignId(), n + "/" + d, dh.get(d), dh.thumbnail(d)));
                }
            });
        }
        ImageDecoding dec = new ImageDecoding(ImageDecoding.MMS);
        List<List<String>> chains = new ArrayList<>();
        for (VariantCatalogue.Variant v : VariantCatalogue.standard()) chains.add(List.of(v.name()));
        chains.addAll(BenchCorpus.CHAINS);
        Random r = new Random(42);
        int reps = Integer.parseInt(args.length > 0 ? args[0] : "8");
        for (List<String> chain : chains) {
            List<double[]> rows = new ArrayList<>();
            for (BenchSeeds.Seed s : seeds) {
                for (int k = 0; k < reps; k++) {
                    BenchCorpus.Image img = BenchCorpus.edited(s.picture(), chain, r);
                    PdqFingerprint fp = h.hash(dec.decodeForHashing(img.part().data()).pixels());
                    rows.add(score(entries, fp, s.campaignId()));
                }
            }
            report(String.join("+", chain), rows);
        }
        BenchNegatives neg = new BenchNegatives(seeds, List.of());
        Map<String, List<double[]>> byFamily = new TreeMap<>();
        for (long k = 0; k < Integer.parseInt(args.length > 1 ? args[1] : "3000"); k++) {
            BenchCorpus.Labelled l = neg.make(k, 99);
            for (MessageContent.Part part : l.content().parts()) {
                if (!part.contentType().startsWith("image/")) continue;
                PdqFingerprint fp = h.hash(dec.decodeForHashing(part.data()).pixels());
                if (fp.quality() < 50) continue;
                byFamily.computeIfAbsent(l.type(), x -> new ArrayList<>()).add(score(entries, fp, null));
            }
        }
        byFamily.forEach((f, rows) -> report("NEG " + f, rows));
    }

    /** [min distance, best agreement among entries within 80 bits, its centre, distance of that entry] */
    static double[] score(List<E> entries, PdqFingerprint fp, String seed) {
        int best = 999;
        double agree = 0, centre = 0, atDist = -1;
        List<E> sorted = new ArrayList<>(entries.stream().filter(e -> seed == null || e.seed().equals(seed)).toList());
        sorted.sort(Comparator.comparingInt(e -> e.hash().hammingDistance(fp.hash())));
        best = sorted.get(0).hash().hammingDistance(fp.hash());
        for (int i = 0; i < Math.min(3, sorted.size()); i++) {
            E e = sorted.get(i);
            LumaThumbnail.Agreement a = LumaThumbnail.agreement(e.thumb(), fp.thumbnail());
            if (a.fraction() > agree) { agree = a.fraction(); centre = a.centreFraction(); atDist = e.hash().hammingDistance(fp.hash()); }
        }
        return new double[] {best, agree, centre, atDist};
    }

    static void report(String name, List<double[]> rows) {
        double[] d = rows.stream().mapToDouble(x -> x[0]).sorted().toArray();
        double[] a = rows.stream().mapToDouble(x -> x[1]).sorted().toArray();
        double[] c = rows.stream().mapToDouble(x -> x[2]).sorted().toArray();
        long under31 = rows.stream().filter(x -> x[0] <= 31).count();
        long verified = rows.stream().filter(x -> x[0] <= 31 || (x[3] <= 72 && x[1] >= 0.8 && x[2] >= 0.9)).count();
        System.out.printf("%-60s n=%4d dist p0/p5/p50/p95/max %3.0f %3.0f %3.0f %3.0f %3.0f | agree p0/p5/p50/p95/max %.2f %.2f %.2f %.2f %.2f | centre p5 %.2f max %.2f | <=31 %d verified %d%n",
                name, d.length, d[0], p(d, .05), p(d, .5), p(d, .95), d[d.length - 1], a[0], p(a, .05), p(a, .5), p(a, .95), a[a.length - 1], p(c, .05), c[c.length-1], under31, verified);
    }

    static double p(double[] s, double q) { return s[(int) Math.min(s.length - 1, Math.floor(q * s.length))]; }
}
