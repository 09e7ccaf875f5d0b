package io.baton.recognition.domain.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import io.baton.recognition.domain.image.VariantCatalogue.Kind;
import io.baton.recognition.domain.image.VariantCatalogue.Variant;

/**
 * Measures the Hamming distances the image thresholds are set from, and prints them as the
 * tables of {@code docs/recognition-image-thresholds.md}: every standard variant of every seed
 * against the seed's index, every forward against every other seed's index, look-alike families,
 * flat pictures, and the cost of subsampled decoding. Run by hand (it takes a minute or two):
 * {@code java -cp target/classes:target/test-classes:<deps> io.baton.recognition.domain.image.ThresholdMeasurement [shared testdata dir]}.
 */
final class ThresholdMeasurement {

    /** A seed as the matcher indexes it: its 8 dihedral hashes, optionally the hashes of its crops too. */
    record Seed(String name, String family, BufferedImage picture, DihedralHashes dihedral, List<PdqHash> crops) {
        int distance(PdqHash probe, boolean withCrops) {
            int d = dihedral.minDistance(probe);
            if (withCrops) {
                for (PdqHash c : crops) {
                    d = Math.min(d, c.hammingDistance(probe));
                }
            }
            return d;
        }

        int quality() {
            return dihedral.quality();
        }
    }

    /** Seeds below this PDQ quality are refused (the PDQ authors discard quality < 50). */
    static final int QUALITY_GATE = 50;

    /** Crops indexed with a seed: 5, 10 and 15% off all edges, and off each single edge. */
    static final double[][] INDEXED_CROPS = indexedCrops();

    private static double[][] indexedCrops() {
        List<double[]> c = new ArrayList<>();
        for (double f : new double[] { 0.05, 0.10, 0.15 }) {
            c.add(new double[] { f, f, f, f });
            c.add(new double[] { f, 0, 0, 0 });
            c.add(new double[] { 0, f, 0, 0 });
            c.add(new double[] { 0, 0, f, 0 });
            c.add(new double[] { 0, 0, 0, f });
        }
        return c.toArray(double[][]::new);
    }

    record Forward(Seed of, Variant variant, PdqHash hash, int quality) {
    }

    static final int[] CANDIDATE_THRESHOLDS = { 24, 31, 40, 48, 56, 64 };

    private final PdqHasher hasher = new PdqHasher();

    Seed seed(String name, String family, BufferedImage picture) {
        DihedralHashes d = hasher.dihedralHashes(picture);
        List<PdqHash> crops = new ArrayList<>();
        for (double[] c : INDEXED_CROPS) {
            crops.add(hasher.hash(ImageVariants.crop(picture, c[0], c[1], c[2], c[3])).hash());
        }
        return new Seed(name, family, picture, d, crops);
    }

    List<Forward> forwards(Seed s, List<Variant> variants, long randomSeed) {
        Random random = new Random(randomSeed);
        List<Forward> out = new ArrayList<>();
        for (Variant v : variants) {
            PdqFingerprint f = hasher.hash(v.apply(s.picture(), random));
            out.add(new Forward(s, v, f.hash(), f.quality()));
        }
        return out;
    }

    static List<Seed> syntheticSeeds(ThresholdMeasurement m, int count) {
        List<Seed> seeds = new ArrayList<>();
        int[][] sizes = { { 640, 480 }, { 480, 640 }, { 1024, 768 }, { 320, 240 } };
        for (int i = 0; i < count; i++) {
            int[] s = sizes[i % sizes.length];
            BufferedImage p = i % 2 == 0 ? ArtworkFixtures.artwork(1000 + i, s[0], s[1])
                    : ArtworkFixtures.photo(2000 + i, s[0], s[1]);
            seeds.add(m.seed((i % 2 == 0 ? "artwork-" : "photo-") + i, "synthetic-" + i, p));
        }
        return seeds;
    }

    /** The distinct pictures of the PDQ corpus (one per family: the bridge appears 21 times there). */
    static List<Seed> referenceSeeds(ThresholdMeasurement m, Path pdqDir) throws IOException {
        List<Seed> seeds = new ArrayList<>();
        Path images = pdqDir.resolve("images");
        List<Path> files;
        try (Stream<Path> s = Files.walk(images)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        ImageDecoding full = new ImageDecoding(new ImageDecoding.Limits(64 << 20, 20_000, 100_000_000L, 0));
        for (Path f : files) {
            String name = f.getFileName().toString();
            boolean bridgeCopy = f.toString().contains("bridge-mods") || (f.toString().contains("/dih/")
                    && !name.startsWith("bridge-1"));
            if (bridgeCopy) {
                continue;
            }
            try {
                seeds.add(m.seed(name, "reference-" + name, full.decode(Files.readAllBytes(f)).pixels()));
            } catch (UnreadableImageException e) {
                throw new IOException(f + ": " + e.getMessage(), e);
            }
        }
        return seeds;
    }

    /** min, median, p99, max of a sample. */
    static String stats(List<Integer> values) {
        if (values.isEmpty()) {
            return "| 0 | – | – | – | – |";
        }
        int[] v = values.stream().mapToInt(Integer::intValue).sorted().toArray();
        return "| " + v.length + " | " + v[0] + " | " + v[v.length / 2] + " | " + v[(int) Math.ceil(v.length * 0.99) - 1]
                + " | " + v[v.length - 1] + " |";
    }

    static String share(List<Integer> values, int threshold) {
        long n = values.stream().filter(d -> d <= threshold).count();
        return String.format("%.1f%%", 100.0 * n / Math.max(1, values.size()));
    }

    public static void main(String[] args) throws IOException {
        Path shared = Path.of(args.length > 0 ? args[0] : "../shared/testdata").resolve("pdq");
        ThresholdMeasurement m = new ThresholdMeasurement();
        long started = System.nanoTime();
        List<Seed> seeds = new ArrayList<>(syntheticSeeds(m, 40));
        if (Files.isDirectory(shared)) {
            seeds.addAll(referenceSeeds(m, shared));
        }
        List<String> refused = seeds.stream().filter(s -> s.quality() < QUALITY_GATE).map(s -> s.name() + " (quality "
                + s.quality() + ")").toList();
        seeds.removeIf(s -> s.quality() < QUALITY_GATE);
        List<Variant> variants = VariantCatalogue.standard();
        List<Forward> forwards = new ArrayList<>();
        for (int i = 0; i < seeds.size(); i++) {
            forwards.addAll(m.forwards(seeds.get(i), variants, 7L * i));
        }
        System.out.println("Seeds: " + seeds.size() + " (" + seeds.stream().filter(s -> s.family().startsWith("reference"))
                .count() + " reference photos), variants per seed: " + variants.size() + ", forwards: " + forwards.size());
        System.out.println("Refused by the quality gate (< " + QUALITY_GATE + "): " + refused);
        System.out.println("Seed qualities: " + qualities(seeds) + "; forward qualities: " + forwardQualities(forwards));
        Map<String, Map<Boolean, List<Integer>>> lookAlikes = lookAlikes(m, variants);
        for (boolean withCrop : new boolean[] { false, true }) {
            System.out.println();
            System.out.println("### Forward to its own seed, index = 8 dihedral hashes" + (withCrop ? " + 15 crops" : ""));
            System.out.println();
            System.out.println("| variant | kind | n | min | median | p99 | max | ≤31 | ≤40 | ≤48 |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|");
            for (Variant v : variants) {
                List<Integer> d = forwards.stream().filter(f -> f.variant() == v).map(f -> f.of().distance(f.hash(), withCrop)).toList();
                System.out.println("| " + v.name() + " | " + v.kind() + " " + stats(d) + " " + share(d, 31) + " | "
                        + share(d, 40) + " | " + share(d, 48) + " |");
            }
            System.out.println();
            System.out.println("| kind | seeds | n | min | median | p99 | max | ≤31 | ≤40 | ≤48 |");
            System.out.println("|---|---|---|---|---|---|---|---|---|---|");
            for (Kind k : Kind.values()) {
                for (String origin : new String[] { "synthetic", "reference" }) {
                    List<Integer> d = forwards.stream().filter(f -> f.variant().kind() == k && f.of().family().startsWith(origin))
                            .map(f -> f.of().distance(f.hash(), withCrop)).toList();
                    System.out.println("| " + k + " | " + origin + " " + stats(d) + " " + share(d, 31) + " | " + share(d, 40)
                            + " | " + share(d, 48) + " |");
                }
            }
            System.out.println();
            System.out.println("Seeds behind forwards farther than 40 (excluding crops): " + outliers(forwards, withCrop));
            Map<String, List<Integer>> negatives = new LinkedHashMap<>();
            negatives.put("seed vs other seed", new ArrayList<>());
            negatives.put("forward vs other seed", new ArrayList<>());
            for (Seed a : seeds) {
                for (Seed b : seeds) {
                    if (a != b && !a.family().equals(b.family())) {
                        negatives.get("seed vs other seed").add(b.distance(a.dihedral().original(), withCrop));
                    }
                }
            }
            for (Forward f : forwards) {
                for (Seed b : seeds) {
                    if (b != f.of()) {
                        negatives.get("forward vs other seed").add(b.distance(f.hash(), withCrop));
                    }
                }
            }
            lookAlikes.forEach((name, byIndex) -> negatives.put(name, byIndex.get(withCrop)));
            System.out.println();
            System.out.println("### Unrelated and look-alike pictures" + (withCrop ? " (index with crops)" : ""));
            System.out.println();
            System.out.println("| pairs | n | min | median | p99 low tail (p1) | max | ≤31 | ≤40 | ≤48 |");
            System.out.println("|---|---|---|---|---|---|---|---|---|");
            negatives.forEach((name, d) -> System.out.println("| " + name + " " + lowTail(d) + " " + share(d, 31) + " | "
                    + share(d, 40) + " | " + share(d, 48) + " |"));
        }
        flatPictures(m);
        decodePolicy(seeds);
        System.out.printf("%nMeasured in %.0f s%n", (System.nanoTime() - started) / 1e9);
    }

    /** Like stats but with p1 instead of p99: for negatives the low tail is the risk. */
    static String lowTail(List<Integer> values) {
        int[] v = values.stream().mapToInt(Integer::intValue).sorted().toArray();
        return "| " + v.length + " | " + v[0] + " | " + v[v.length / 2] + " | " + v[v.length / 100] + " | " + v[v.length - 1] + " |";
    }

    static String outliers(List<Forward> forwards, boolean withCrop) {
        Map<String, Long> bySeed = new LinkedHashMap<>();
        forwards.stream().filter(f -> f.variant().kind() != Kind.CROP && f.of().distance(f.hash(), withCrop) > 40)
                .forEach(f -> bySeed.merge(f.of().name(), 1L, Long::sum));
        return bySeed.toString();
    }

    static String forwardQualities(List<Forward> forwards) {
        int[] q = forwards.stream().mapToInt(Forward::quality).sorted().toArray();
        return "min " + q[0] + ", p1 " + q[q.length / 100] + ", median " + q[q.length / 2] + ", below 50: "
                + Arrays.stream(q).filter(x -> x < QUALITY_GATE).count();
    }

    static String qualities(List<Seed> seeds) {
        int[] q = seeds.stream().mapToInt(s -> s.dihedral().quality()).sorted().toArray();
        return "min " + q[0] + ", median " + q[q.length / 2] + ", below 50: " + Arrays.stream(q).filter(x -> x < 50).count();
    }

    /**
     * Same template with different content; same banner and logo over a different photo. Keyed by
     * pair kind, then by whether the index holds the crops.
     */
    static Map<String, Map<Boolean, List<Integer>>> lookAlikes(ThresholdMeasurement m, List<Variant> variants) {
        Map<String, Map<Boolean, List<Integer>>> out = new LinkedHashMap<>();
        out.put("same template, other content", family(m, 6, 5, (t, c) -> ArtworkFixtures.templated(t, c, 640, 480), variants));
        out.put("same banner+logo, other photo", family(m, 6, 5, (t, c) -> ArtworkFixtures.bannerOverPhoto(t, c, 640, 480), variants));
        return out;
    }

    interface Maker {
        BufferedImage make(long familySeed, long memberSeed);
    }

    /** Distances from each member and its forwards (all non-dihedral variants) to its siblings' index. */
    static Map<Boolean, List<Integer>> family(ThresholdMeasurement m, int families, int members, Maker maker,
            List<Variant> variants) {
        Map<Boolean, List<Integer>> d = Map.of(false, new ArrayList<>(), true, new ArrayList<>());
        List<Variant> edits = variants.stream().filter(v -> v.kind() != Kind.DIHEDRAL).toList();
        for (int f = 0; f < families; f++) {
            List<Seed> siblings = new ArrayList<>();
            for (int i = 0; i < members; i++) {
                siblings.add(m.seed("member-" + i, "family-" + f, maker.make(500 + f, 900 + 10 * f + i)));
            }
            for (Seed a : siblings) {
                List<PdqHash> probes = new ArrayList<>();
                probes.add(a.dihedral().original());
                m.forwards(a, edits, a.name().hashCode()).forEach(fw -> probes.add(fw.hash()));
                for (Seed b : siblings) {
                    if (a != b) {
                        for (PdqHash p : probes) {
                            d.get(false).add(b.distance(p, false));
                            d.get(true).add(b.distance(p, true));
                        }
                    }
                }
            }
        }
        return d;
    }

    static void flatPictures(ThresholdMeasurement m) {
        List<PdqFingerprint> flat = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            flat.add(m.hasher.hash(ArtworkFixtures.flat(i, 640, 480)));
        }
        List<Integer> d = new ArrayList<>();
        for (int i = 0; i < flat.size(); i++) {
            for (int j = i + 1; j < flat.size(); j++) {
                d.add(flat.get(i).hash().hammingDistance(flat.get(j).hash()));
            }
        }
        System.out.println();
        System.out.println("### Flat pictures (soft gradients, blank cards)");
        System.out.println();
        System.out.println("Qualities: " + flat.stream().map(f -> String.valueOf(f.quality())).toList());
        System.out.println();
        System.out.println("| pairs | n | min | median | p1 | max | ≤31 | ≤40 | ≤48 |");
        System.out.println("|---|---|---|---|---|---|---|---|---|");
        System.out.println("| flat vs flat " + lowTail(d) + " " + share(d, 31) + " | " + share(d, 40) + " | " + share(d, 48) + " |");
        List<Integer> self = new ArrayList<>();
        for (int i = 0; i < flat.size(); i++) {
            BufferedImage again = ImageVariants.read(ImageVariants.jpeg(ArtworkFixtures.flat(i, 640, 480), 0.75f));
            self.add(flat.get(i).hash().hammingDistance(m.hasher.hash(again).hash()));
        }
        System.out.println("| flat vs its own JPEG q75 " + lowTail(self) + " " + share(self, 31) + " | " + share(self, 40)
                + " | " + share(self, 48) + " |");
    }

    /** Extra distance from decoding a JPEG subsampled instead of fully, per minimum decoded side. */
    static void decodePolicy(List<Seed> seeds) {
        System.out.println();
        System.out.println("### Subsampled decoding: distance to the full decode of the same JPEG (q85)");
        System.out.println();
        System.out.println("| picture size | min decoded side | n | min | median | p99 | max |");
        System.out.println("|---|---|---|---|---|---|---|");
        PdqHasher h = new PdqHasher();
        for (int[] size : new int[][] { { 640, 480 }, { 1600, 1200 } }) {
            List<byte[]> jpegs = seeds.stream().map(s -> ImageVariants.jpeg(ImageVariants.resize(s.picture(), size[0], size[1]), 0.85f)).toList();
            Function<Integer, ImageDecoding> decoding = side -> new ImageDecoding(new ImageDecoding.Limits(64 << 20, 20_000, 100_000_000L, side));
            List<PdqHash> full = jpegs.stream().map(j -> hashOf(h, decoding.apply(0), j)).toList();
            for (int side : new int[] { 128, 256, 512 }) {
                List<Integer> d = new ArrayList<>();
                for (int i = 0; i < jpegs.size(); i++) {
                    d.add(full.get(i).hammingDistance(hashOf(h, decoding.apply(side), jpegs.get(i))));
                }
                System.out.println("| " + size[0] + "×" + size[1] + " | " + side + " " + stats(d));
            }
        }
    }

    static PdqHash hashOf(PdqHasher h, ImageDecoding decoding, byte[] bytes) {
        try {
            return h.hash(decoding.decode(bytes).pixels()).hash();
        } catch (UnreadableImageException e) {
            throw new IllegalStateException(e);
        }
    }
}
