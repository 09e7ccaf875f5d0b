package io.baton.support;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) as a child process,
 * pointed at infrastructure the test started, so a test can kill it and start it again.
 */
public final class BatonProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private BatonProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    public static BatonProcess start(Map<String, String> settings, int port, Path log) throws IOException {
        String jar = System.getProperty("baton.app.jar", "target/quarkus-app/quarkus-run.jar");
        if (!new File(jar).isFile()) {
            throw new IllegalStateException("packaged app not found at " + jar + "; run mvn verify");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        // e.g. -Dbaton.process.jvm-options=-XX:StartFlightRecording=filename=/tmp/baton.jfr for a profile
        String extra = System.getProperty("baton.process.jvm-options", "");
        for (String option : extra.trim().split("\\s+")) {
            if (!option.isEmpty()) {
                cmd.add(option);
            }
        }
        cmd.add("-Dquarkus.http.port=" + port);
        settings.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(jar);
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        BatonProcess b = new BatonProcess(p, port, log);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).until(() -> {
            if (!p.isAlive()) {
                throw new IllegalStateException("Baton exited with " + p.exitValue() + "; see " + log + ":\n"
                        + tail(log));
            }
            return b.ready();
        });
        return b;
    }

    public boolean ready() {
        return readiness().startsWith("200 ");
    }

    /** The readiness endpoint's status and body ("503 {...}"), or why it could not be asked. */
    public String readiness() {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create("http://127.0.0.1:" + port + "/q/health/ready")
                    .toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(5000);
            int status = c.getResponseCode();
            try (var body = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                return status + " " + (body == null ? "" : new String(body.readAllBytes(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            return "no answer: " + e;
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    public String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    /** SIGKILL: no shutdown hook, no flush, like a node that loses power. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(log unreadable)";
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }
}
