package io.baton.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import io.baton.infra.LocalInfrastructure;
import io.baton.support.BatonProcess;

/**
 * Ingest benchmark (run by {@code bench/ingest}): starts PostgreSQL, Redis and Kafka, then the
 * packaged app, and measures in one run
 * <ol>
 * <li>baseline: a raw Kafka producer (acks=all) on the same broker, with the same records;</li>
 * <li>end to end: a replay of N forwards (submit with the seed image + delivery), from the first
 * post until PostgreSQL holds N credited forwards; it must credit exactly N;</li>
 * <li>batched ingest over HTTP (1,000-event batches), durably accepted.</li>
 * </ol>
 */
public final class IngestBench {

    private IngestBench() {
    }

    public static void main(String[] args) throws Exception {
        int ingestEvents = intArg(args, "--ingest-events", 200_000);
        int forwards = intArg(args, "--forwards", 10_000);
        int connections = intArg(args, "--connections", 4);
        int batchSize = 1000;

        String db = "baton_bench_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        try (LocalInfrastructure infra = LocalInfrastructure.startMissing(LocalInfrastructure::fromSystem, db, true,
                null)) {
            Map<String, String> settings = new HashMap<>(infra.settings());
            settings.put("baton.clients.bench.token", "bench-token");
            settings.put("baton.campaign.directory", Path.of("campaigns").toAbsolutePath().toString());
            Path log = Files.createTempFile("baton-bench-", ".log");
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            System.out.printf("bench: infrastructure up; app log %s%n", log);

            List<String> records = new ArrayList<>(ingestEvents);
            List<String> bodies = new ArrayList<>();
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < ingestEvents; i++) {
                String event = String.format("{\"type\":\"delivery\",\"mmsc\":\"bench\",\"messageId\":\"b-%d\","
                        + "\"to\":\"86139050%05d\",\"status\":\"retrieved\",\"at\":\"2008-01-20T10:00:09+08:00\"}",
                        i, i % 100_000);
                records.add(event);
                body.append(body.length() > 1 ? "," : "").append(event);
                if ((i + 1) % batchSize == 0 || i == ingestEvents - 1) {
                    bodies.add(body.append(']').toString());
                    body = new StringBuilder("[");
                }
            }
            // 1. baseline: raw producer, same broker, same payloads
            double raw = rawProducer(settings.get("kafka.bootstrap.servers"), records);

            try (BatonProcess app = BatonProcess.start(settings, port, log)) {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                // 2. end to end (first, while the consumer has no backlog): N forwards with the seed image
                String image = Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of("campaigns/torch.jpg")));
                List<String> forwardBodies = forwardBatches(forwards, image, 250);
                long t1 = System.nanoTime();
                post(http, app.baseUri(), forwardBodies, connections);
                double postSeconds = (System.nanoTime() - t1) / 1e9;
                long credited = 0;
                long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
                while (credited < forwards && System.nanoTime() < deadline) {
                    credited = count(settings, "SELECT count(*) FROM forward");
                    if (credited < forwards) {
                        Thread.sleep(200); // the benchmark's polling interval (not a test wait)
                    }
                }
                double e2eSeconds = (System.nanoTime() - t1) / 1e9;
                long serials = count(settings, "SELECT count(*) FROM serial");
                long notices = count(settings, "SELECT count(*) FROM sms_outbox WHERE kind = 'serial'");
                boolean exact = credited == forwards && serials == forwards && notices == forwards;
                // 3. batched ingest (deliveries of unknown messages: cheap downstream, so this is ingest)
                post(http, app.baseUri(), bodies.subList(0, Math.min(5, bodies.size())), connections); // warm-up
                long t0 = System.nanoTime();
                int accepted = post(http, app.baseUri(), bodies, connections);
                double ingest = accepted / ((System.nanoTime() - t0) / 1e9);


                System.out.println();
                System.out.println("| measure | figure | baseline: raw Kafka producer, same broker, same run | ratio |");
                System.out.println("|---|---|---|---|");
                System.out.printf("| batched ingest over HTTP, %,d events in batches of %d, %d connections | "
                        + "%,.0f events/s | %,.0f records/s | %.2f |%n", accepted, batchSize, connections, ingest, raw,
                        ingest / raw);
                System.out.printf("| end to end, %,d forwards (%,d events, seed image %d KB base64) | "
                        + "%,.0f credited forwards/s | %,.0f records/s | %.3f |%n", forwards, 2 * forwards,
                        image.length() / 1024, credited / e2eSeconds, raw, credited / e2eSeconds / raw);
                System.out.printf("%nposting the %,d forwards took %.1f s; the last was credited at %.1f s%n",
                        forwards, postSeconds, e2eSeconds);
                System.out.printf("replay check: expected %,d credited forwards, got %,d; serials %,d; notices %,d: %s%n",
                        forwards, credited, serials, notices, exact ? "EXACT" : "MISMATCH");
                if (!exact) {
                    System.exit(1);
                }
            }
        }
    }

    /** N forwards as batches of submit (with the seed image) + delivery; 4 forwards per sender over 13 cities. */
    static List<String> forwardBatches(int forwards, String image, int perBatch) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < forwards; i += perBatch) {
            StringBuilder b = new StringBuilder("[");
            for (int j = i; j < Math.min(forwards, i + perBatch); j++) {
                String from = String.format("86139%02d%06d", 5 + (j / 4) % 13, j / 4);
                String to = String.format("86137%02d%06d", 5 + j % 13, j);
                b.append(j > i ? "," : "");
                b.append(String.format("{\"type\":\"submit\",\"messageId\":\"e-%d\",\"from\":\"%s\",\"to\":[\"%s\"],"
                        + "\"at\":\"2008-01-20T10:00:00+08:00\",\"subject\":\"Fwd\","
                        + "\"parts\":[{\"contentType\":\"image/jpeg\",\"data\":\"%s\"}]},", j, from, to, image));
                b.append(String.format("{\"type\":\"delivery\",\"messageId\":\"e-%d\",\"to\":\"%s\","
                        + "\"status\":\"retrieved\",\"at\":\"2008-01-20T10:00:07+08:00\"}", j, to));
            }
            out.add(b.append(']').toString());
        }
        return out;
    }

    static double rawProducer(String bootstrap, List<String> values) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", bootstrap);
        p.put("acks", "all");
        p.put("enable.idempotence", "true");
        p.put("linger.ms", "2");
        p.put("batch.size", "262144");
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (int i = 0; i < 2000; i++) { // warm-up and topic creation
                producer.send(new ProducerRecord<>("bench-raw", "k" + i, values.get(i % values.size()))).get();
            }
            long t0 = System.nanoTime();
            List<Future<?>> acks = new ArrayList<>(values.size());
            for (int i = 0; i < values.size(); i++) {
                acks.add(producer.send(new ProducerRecord<>("bench-raw", "k" + (i % 100_000), values.get(i))));
            }
            for (Future<?> f : acks) {
                f.get();
            }
            return values.size() / ((System.nanoTime() - t0) / 1e9);
        }
    }

    static int post(HttpClient http, String base, List<String> bodies, int connections) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < bodies.size()) {
                    HttpRequest req = HttpRequest.newBuilder(URI.create(base + "/api/v1/mmsc/events"))
                            .header("Authorization", "Bearer bench-token").header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i))).build();
                    HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 202) {
                        throw new IOException("batch " + i + " answered " + r.statusCode() + ": " + r.body());
                    }
                    String b = r.body();
                    int at = b.indexOf("\"accepted\":") + 11;
                    accepted.addAndGet(Integer.parseInt(b.substring(at, b.indexOf(',', at))));
                }
                return null;
            }));
        }
        try {
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdown();
        }
        return accepted.get();
    }

    static long count(Map<String, String> settings, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(settings.get("quarkus.datasource.jdbc.url"),
                settings.get("quarkus.datasource.username"), settings.get("quarkus.datasource.password"));
                Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static int intArg(String[] args, String name, int dflt) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return dflt;
    }
}
