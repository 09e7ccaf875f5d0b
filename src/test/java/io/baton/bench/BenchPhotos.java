package io.baton.bench;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.InflaterInputStream;

import javax.imageio.ImageIO;

import io.baton.recognition.domain.image.ImageVariants;

/**
 * Real photos for negatives, from two Debian packages fetched at run time into
 * {@code ~/.cache/baton-bench/photos}: kphotoalbum's demo album (JPEG: people, faces, places)
 * and the photos of four GCompris activities (WebP inside Qt resource bundles: monuments,
 * animals, landscapes, objects). Nothing is fetched when the cache is there.
 */
final class BenchPhotos {

    private static final List<String> RCC = List.of("erase", "explore_monuments", "explore_world_animals",
            "categorization");

    /** What was loaded, and why not when nothing was. */
    record Photos(List<BufferedImage> pictures, List<String> names, String note) {
    }

    private BenchPhotos() {
    }

    static Photos load(int maxSide) {
        Path dir = Path.of(System.getProperty("user.home"), ".cache", "baton-bench", "photos");
        try {
            if (!Files.isDirectory(dir) || !Files.exists(dir.resolve(".complete"))) {
                fetch(dir);
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            return new Photos(List.of(), List.of(), "WARNING: real photos could not be fetched (" + e.getMessage()
                    + "): negatives have no real photos");
        }
        List<BufferedImage> pictures = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int unreadable = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                if (!(n.endsWith(".jpg") || n.endsWith(".jpeg") || n.endsWith(".webp") || n.endsWith(".png"))) {
                    continue;
                }
                BufferedImage img = ImageIO.read(f.toFile());
                if (img == null || Math.min(img.getWidth(), img.getHeight()) < 200) {
                    unreadable++; // icons and sprites are no photos
                    continue;
                }
                pictures.add(ImageVariants.fit(rgb(img), Math.min(maxSide, img.getWidth()), Math.min(maxSide, img.getHeight())));
                names.add(dir.relativize(f).toString());
            }
        } catch (IOException e) {
            return new Photos(List.of(), List.of(), "WARNING: real photos unreadable (" + e + ")");
        }
        return new Photos(pictures, names, pictures.size() + " real photos from " + dir + " (" + unreadable
                + " files skipped: unreadable or under 200 px)");
    }

    private static BufferedImage rgb(BufferedImage img) {
        if (img.getType() == BufferedImage.TYPE_INT_RGB) {
            return img;
        }
        BufferedImage out = new BufferedImage(img.getWidth(), img.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = out.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.drawImage(img, 0, 0, null);
        g.dispose();
        return out;
    }

    /** apt-get download + dpkg-deb -x into a scratch directory, then the photos out of it. */
    private static void fetch(Path dir) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("baton-bench-debs");
        run(work, "apt-get", "download", "gcompris-qt-data", "kphotoalbum");
        Files.createDirectories(dir);
        try (Stream<Path> debs = Files.list(work)) {
            for (Path deb : debs.filter(p -> p.toString().endsWith(".deb")).toList()) {
                run(work, "dpkg-deb", "-x", deb.toString(), work.resolve("x").toString());
            }
        }
        Path demo = work.resolve("x/usr/share/kphotoalbum/demo");
        if (Files.isDirectory(demo)) {
            Path out = Files.createDirectories(dir.resolve("kphotoalbum"));
            try (Stream<Path> s = Files.list(demo)) {
                for (Path f : s.filter(p -> p.toString().toLowerCase(Locale.ROOT).endsWith(".jpg")).toList()) {
                    Files.copy(f, out.resolve(f.getFileName()));
                }
            }
        }
        for (String name : RCC) {
            Path rcc = work.resolve("x/usr/share/gcompris-qt/rcc/" + name + ".rcc");
            if (Files.exists(rcc)) {
                extractRcc(Files.readAllBytes(rcc), dir.resolve("gcompris").resolve(name));
            }
        }
        run(work, "rm", "-rf", work.toString());
        Files.writeString(dir.resolve(".complete"), "fetched\n");
    }

    private static void run(Path cwd, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out.strip());
        }
    }

    /** The pictures of a Qt resource bundle (RCC format 1–3: tree, data and names sections). */
    static int extractRcc(byte[] b, Path out) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(b);
        if (b.length < 20 || !new String(b, 0, 4, StandardCharsets.US_ASCII).equals("qres")) {
            throw new IOException("not a Qt resource bundle");
        }
        int version = buf.getInt(4);
        int tree = buf.getInt(8);
        int data = buf.getInt(12);
        int names = buf.getInt(16);
        int entrySize = version == 1 ? 14 : 22;
        return walk(buf, b, 0, "", tree, data, names, entrySize, out);
    }

    private static int walk(ByteBuffer buf, byte[] b, int i, String prefix, int tree, int data, int names, int entrySize,
            Path out) throws IOException {
        int o = tree + i * entrySize;
        int nameOffset = buf.getInt(o);
        int flags = buf.getShort(o + 4) & 0xffff;
        String name = "";
        if (i != 0) {
            int len = buf.getShort(names + nameOffset) & 0xffff;
            name = new String(b, names + nameOffset + 6, 2 * len, StandardCharsets.UTF_16BE);
        }
        int written = 0;
        if ((flags & 2) != 0) {
            int count = buf.getInt(o + 6);
            int first = buf.getInt(o + 10);
            for (int c = first; c < first + count; c++) {
                written += walk(buf, b, c, prefix + name + "/", tree, data, names, entrySize, out);
            }
            return written;
        }
        String file = (prefix + name).replaceFirst("^/+", "");
        String lower = file.toLowerCase(Locale.ROOT);
        if ((flags & 4) != 0 || !(lower.endsWith(".jpg") || lower.endsWith(".jpeg") || lower.endsWith(".png")
                || lower.endsWith(".webp"))) {
            return 0;
        }
        int p = data + buf.getInt(o + 10);
        int len = buf.getInt(p);
        byte[] content = java.util.Arrays.copyOfRange(b, p + 4, p + 4 + len);
        if ((flags & 1) != 0) { // zlib, after a 4-byte uncompressed length
            try (var in = new InflaterInputStream(new ByteArrayInputStream(content, 4, content.length - 4))) {
                ByteArrayOutputStream inflated = new ByteArrayOutputStream();
                in.transferTo(inflated);
                content = inflated.toByteArray();
            }
        }
        Path dst = out.resolve(file.replace('/', '_'));
        Files.createDirectories(dst.getParent());
        Files.write(dst, content);
        return 1;
    }
}
