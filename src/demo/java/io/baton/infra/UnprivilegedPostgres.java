package io.baton.infra;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * PostgreSQL from the binaries zonky ships, run as user {@code nobody} through {@code runuser},
 * for a root machine without a server of its own (PostgreSQL refuses to run as root, and so does
 * zonky's launcher). Listens on 127.0.0.1 on a free port, trust authentication, user postgres.
 */
final class UnprivilegedPostgres implements AutoCloseable {

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String USER = "nobody";

    private final Path dir;
    private final int port;

    private UnprivilegedPostgres(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static boolean possible() {
        return Files.isExecutable(Path.of("/usr/sbin/runuser"))
                && UnprivilegedPostgres.class.getClassLoader().getResource(ARCHIVE) != null;
    }

    static UnprivilegedPostgres start() throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("baton-pg-");
        extract(dir);
        run(List.of("chown", "-R", USER, dir.toString()), false);
        int port = FreePorts.pick();
        Path data = dir.resolve("data");
        run(List.of("/usr/sbin/runuser", "-u", USER, "--", dir.resolve("bin/initdb").toString(), "-A", "trust",
                "-U", "postgres", "-E", "UTF8", "--no-locale", "-D", data.toString()), true);
        UnprivilegedPostgres pg = new UnprivilegedPostgres(dir, port);
        pg.restart();
        return pg;
    }

    /** Stops the server and keeps its data (an outage, for tests). */
    void stop() throws IOException, InterruptedException {
        run(List.of("/usr/sbin/runuser", "-u", USER, "--", dir.resolve("bin/pg_ctl").toString(), "-D",
                dir.resolve("data").toString(), "-m", "fast", "-w", "stop"), true);
    }

    /** Starts the (stopped) server on its port with its data. */
    void restart() throws IOException, InterruptedException {
        run(List.of("/usr/sbin/runuser", "-u", USER, "--", dir.resolve("bin/pg_ctl").toString(), "-D",
                dir.resolve("data").toString(), "-l", dir.resolve("postgres.log").toString(), "-w", "-t", "60",
                "-o", "-p " + port + " -h 127.0.0.1 -k " + dir + " -F", "start"), true);
    }

    int port() {
        return port;
    }

    private static void extract(Path dir) throws IOException {
        try (InputStream raw = UnprivilegedPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE);
                TarArchiveInputStream tar = new TarArchiveInputStream(
                        new XZCompressorInputStream(new BufferedInputStream(raw)))) {
            List<TarArchiveEntry> links = new ArrayList<>();
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                Path target = dir.resolve(e.getName()).normalize();
                if (!target.startsWith(dir)) {
                    throw new IOException("archive entry outside the target: " + e.getName());
                }
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else if (e.isSymbolicLink()) {
                    links.add(e);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    if ((e.getMode() & 0100) != 0) {
                        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
                    }
                }
            }
            for (TarArchiveEntry link : links) {
                Path target = dir.resolve(link.getName()).normalize();
                Files.createDirectories(target.getParent());
                Files.deleteIfExists(target);
                Files.createSymbolicLink(target, Path.of(link.getLinkName()));
            }
        }
    }

    private static void run(List<String> cmd, boolean quiet) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("command failed: " + String.join(" ", cmd) + "\n" + new String(out));
        }
    }

    @Override
    public void close() throws Exception {
        try {
            if (Files.exists(dir.resolve("data/postmaster.pid"))) {
                stop();
            }
        } finally {
            FileTrees.delete(dir);
        }
    }
}
