package io.baton.infra;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The demo launcher ({@code ./demo}): starts the PostgreSQL, Redis and Kafka that are not
 * configured (see {@link LocalInfrastructure}), then runs the production application
 * ({@code target/quarkus-app/quarkus-run.jar}, profile {@code demo}) pointed at them as a child
 * process, and stops what it started after the application has stopped. The production artifact
 * holds none of this: it expects its servers configured.
 *
 * <p>System properties: {@code baton.demo.app-jar} (the application), {@code baton.demo.database}
 * ({@code baton_demo}), {@code baton.demo.kafka-dir} (the broker's log, kept across runs,
 * {@code ~/.baton/demo-kafka}). {@code JAVA_OPTS} from the environment go to the application's JVM;
 * the arguments go to the application.
 */
public final class Demo {

    private static final long STOP_SECONDS = 30;

    private Demo() {
    }

    public static void main(String... args) throws Exception {
        String jar = System.getProperty("baton.demo.app-jar", "target/quarkus-app/quarkus-run.jar");
        if (!new File(jar).isFile()) {
            System.err.println("demo: the application is not built (" + jar + " missing): run mvn package");
            System.exit(2);
        }
        String database = System.getProperty("baton.demo.database", "baton_demo");
        Path kafkaDir = Path.of(System.getProperty("baton.demo.kafka-dir",
                System.getProperty("user.home") + "/.baton/demo-kafka"));
        System.out.println("demo: starting the servers that are not configured (PostgreSQL, Redis, Kafka)");
        LocalInfrastructure infra = LocalInfrastructure.startMissing(LocalInfrastructure::fromSystem, database, false,
                kafkaDir);
        infra.settings().forEach((k, v) -> {
            if (!k.endsWith("password")) {
                System.out.println("demo:   " + k + "=" + v);
            }
        });
        System.out.println("demo: starting Baton (" + jar + ", profile demo)");
        Process app;
        try {
            app = new ProcessBuilder(command(jar, infra, args)).inheritIO().start();
        } catch (Exception e) {
            infra.close();
            throw e;
        }
        // Ctrl-C reaches both JVMs; a plain kill reaches this one only: stop the application first,
        // then the servers under it (its consumers leave their groups, its pool closes)
        Thread stop = new Thread(() -> {
            stopApplication(app);
            infra.close();
        }, "baton-demo-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        int exit = app.waitFor();
        System.out.println("demo: Baton exited with " + exit);
        System.exit(exit);
    }

    static List<String> command(String jar, LocalInfrastructure infra, String... args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String options = System.getenv("JAVA_OPTS");
        if (options != null) {
            for (String o : options.trim().split("\\s+")) {
                if (!o.isEmpty()) {
                    cmd.add(o);
                }
            }
        }
        cmd.add("-Dquarkus.profile=" + System.getProperty("quarkus.profile", "demo"));
        infra.settings().forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.add("-jar");
        cmd.add(jar);
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static void stopApplication(Process app) {
        if (!app.isAlive()) {
            return;
        }
        app.destroy();
        try {
            if (!app.waitFor(STOP_SECONDS, TimeUnit.SECONDS)) {
                System.err.println("demo: Baton did not stop within " + STOP_SECONDS + " s: killing it");
                app.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
