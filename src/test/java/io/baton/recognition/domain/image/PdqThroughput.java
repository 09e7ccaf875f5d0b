package io.baton.recognition.domain.image;

import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Decode and hash costs per picture size and format, single-threaded (thread CPU time, so other
 * work on a shared machine does not inflate it) and on all cores (wall clock, one hasher per
 * thread). Prints the table of {@code docs/recognition-image-thresholds.md}. Run by hand:
 * {@code java -cp target/classes:target/test-classes:<deps> io.baton.recognition.domain.image.PdqThroughput}.
 */
final class PdqThroughput {

    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        System.out.println("| input | bytes | decoded as | decode ms (CPU) | hash ms (CPU) | decode+hash per s, 1 thread | all cores, per s |");
        System.out.println("|---|---|---|---|---|---|---|");
        BufferedImage art = ArtworkFixtures.photo(77, 1600, 1200);
        for (int[] size : new int[][] { { 160, 120 }, { 320, 240 }, { 640, 480 }, { 1024, 768 }, { 1600, 1200 } }) {
            byte[] jpeg = ImageVariants.jpeg(ImageVariants.resize(art, size[0], size[1]), 0.85f);
            run("JPEG q85 " + size[0] + "×" + size[1], jpeg, ImageDecoding.MMS, true);
            if (size[0] == 640) {
                run("JPEG q85 640×480, colour decode", jpeg, ImageDecoding.MMS, false);
            }
            if (size[0] >= 1024) {
                run("JPEG q85 " + size[0] + "×" + size[1] + ", full colour decode", jpeg, ImageDecoding.SEED, false);
            }
        }
        BufferedImage vga = ImageVariants.resize(art, 640, 480);
        run("PNG 640×480", ImageVariants.png(vga), ImageDecoding.MMS, true);
        run("GIF 640×480", ImageVariants.gif(vga), ImageDecoding.MMS, true);
    }

    /** {@code forHashing}: JPEG luma without colour conversion ({@link ImageDecoding#decodeForHashing}). */
    static void run(String name, byte[] bytes, ImageDecoding.Limits limits, boolean forHashing) throws Exception {
        ImageDecoding decoding = new ImageDecoding(limits);
        Decoder decoder = forHashing ? decoding::decodeForHashing : decoding::decode;
        PdqHasher hasher = new PdqHasher();
        DecodedImage sample = decoder.decode(bytes);
        int warmup = 200;
        int n = Math.max(50, 60_000_000 / (sample.width() * sample.height()));
        for (int i = 0; i < warmup; i++) {
            hasher.hash(decoder.decode(bytes).pixels());
        }
        long decodeNanos = 0;
        long hashNanos = 0;
        for (int i = 0; i < n; i++) {
            long t0 = CPU.getCurrentThreadCpuTime();
            DecodedImage d = decoder.decode(bytes);
            long t1 = CPU.getCurrentThreadCpuTime();
            hasher.hash(d.pixels());
            hashNanos += CPU.getCurrentThreadCpuTime() - t1;
            decodeNanos += t1 - t0;
        }
        double decodeMs = decodeNanos / 1e6 / n;
        double hashMs = hashNanos / 1e6 / n;
        System.out.printf("| %s | %d | %d×%d | %.2f | %.2f | %.0f | %.0f |%n", name, bytes.length, sample.pixels().getWidth(),
                sample.pixels().getHeight(), decodeMs, hashMs, 1000 / (decodeMs + hashMs), allCores(decoder, bytes, n));
    }

    /** Pictures decoded and hashed per second by one thread per core, wall clock. */
    interface Decoder {
        DecodedImage decode(byte[] bytes) throws UnreadableImageException;
    }

    static double allCores(Decoder decoding, byte[] bytes, int perThread) throws Exception {
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    PdqHasher hasher = new PdqHasher();
                    for (int i = 0; i < perThread; i++) {
                        hasher.hash(decoding.decode(bytes).pixels());
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            return threads * perThread / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
    }
}
