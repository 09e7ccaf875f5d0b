package io.baton;

import io.baton.infra.LocalInfrastructure;
import io.quarkus.runtime.Application;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point. In the {@code demo} profile it first starts the PostgreSQL, Redis and Kafka that
 * are not configured (see {@link LocalInfrastructure}) and points Baton at them; in every other
 * profile it expects them configured.
 */
@QuarkusMain
public final class BatonMain {

    private BatonMain() {
    }

    public static void main(String... args) throws Exception {
        String profile = LocalInfrastructure.fromSystem("quarkus.profile");
        LocalInfrastructure infra = null;
        if ("demo".equals(profile)) {
            String db = System.getProperty("baton.demo.database", "baton_demo");
            java.nio.file.Path kafkaDir = java.nio.file.Path.of(System.getProperty("baton.demo.kafka-dir",
                    System.getProperty("user.home") + "/.baton/demo-kafka"));
            infra = LocalInfrastructure.startMissing(LocalInfrastructure::fromSystem, db, false, kafkaDir);
            infra.settings().forEach(System::setProperty);
            LocalInfrastructure started = infra;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stopAfterQuarkus(started), "baton-infra-stop"));
        }
        Quarkus.run(args);
    }

    /**
     * Shutdown hooks run together: wait for the application to stop (its consumers leave their
     * groups, the pool closes) before the infrastructure under it goes away.
     */
    private static void stopAfterQuarkus(LocalInfrastructure infra) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        Application app = ApplicationLifecycleManager.getCurrentApplication();
        while (app != null && app.isStarted() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        infra.close();
    }
}
