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
import io.baton.support.Mm4Fixtures;

/**
 * Ingest benchmark (run by {@code bench/ingest}): starts PostgreSQL, Redis and Kafka, then the
 * packaged app, and measures in one run
 * <ol>
 * <li>baseline: a raw Kafka producer (acks=all) on the same broker, with the same records;</li>
 * <li>end to end: a replay of N forwards (submit with the seed image + delivery), from the first
 * post until PostgreSQL holds N credited forwards; it must credit exactly N;</li>
 * <li>batched ingest over HTTP (1,000-event batches), durably accepted;</li>
 * <li>MM4 records (delivery reports, then forwards with a short text) pushed one per request on the
 * raw endpoint, and the same forwards as {@code mm4} events in batches, durably accepted.</li>
 * </ol>
 */
public final class IngestBench {

    private static final String RECORDS = "/api/v1/mmsc/records";

    private IngestBench() {
    }

    public static void main(String[] args) throws Exception {
        int ingestEvents = intArg(args, "--ingest-events", 200_000);
        int forwards = intArg(args, "--forwards", 10_000);
        int connections = intArg(args, "--connections", 4);
        int mm4Records = intArg(args, "--mm4-records", 20_000);
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
                // 2. end to end (first, while the consumer has no backlog): forwards carrying the
                //    seed image (15 KB a submit), then forwards recognised by the tag in a short text
                String image = Base64.getEncoder().encodeToString(Files.readAllBytes(Path.of("campaigns/torch.jpg")));
                String tagText = Base64.getEncoder().encodeToString(
                        "转发：奥运火炬传到了你手上！#火炬接力2008#".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                EndToEnd withImage = endToEnd(http, app.baseUri(), settings, forwardBatches("i", forwards, 0,
                        "image/jpeg", image, 250), forwards, connections);
                EndToEnd withText = endToEnd(http, app.baseUri(), settings, forwardBatches("t", forwards, forwards,
                        "text/plain; charset=utf-8", tagText, 1000), 2L * forwards, connections);
                long serials = count(settings, "SELECT count(*) FROM serial");
                long notices = count(settings, "SELECT count(*) FROM sms_outbox WHERE kind = 'serial'");
                long credited = count(settings, "SELECT count(*) FROM forward");
                boolean exact = credited == 2L * forwards && serials == credited && notices == credited;

                // 3. batched ingest (deliveries of unknown messages: cheap downstream, so this is ingest)
                post(http, app.baseUri(), bodies.subList(0, Math.min(5, bodies.size())), connections); // warm-up
                long t0 = System.nanoTime();
                int accepted = post(http, app.baseUri(), bodies, connections);
                double ingest = accepted / ((System.nanoTime() - t0) / 1e9);

                // 4. MMSC records pushed one per request on the raw endpoint: MM4 delivery reports (of
                //    unknown messages: cheap downstream) and MM4 forwards carrying a short text part
                List<byte[]> reports = new ArrayList<>(mm4Records);
                List<byte[]> mm4Forwards = new ArrayList<>(mm4Records);
                List<Mm4Fixtures.Part> text = List.of(new Mm4Fixtures.Part("text/plain; charset=utf-8", null,
                        "转发：奥运火炬传到了你手上！".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                for (int i = 0; i < mm4Records; i++) {
                    String to = String.format("86139060%05d", i % 100_000);
                    reports.add(Mm4Fixtures.deliveryReport("r-" + i, to, "Retrieved", "2008-01-20T02:00:09Z"));
                    mm4Forwards.add(Mm4Fixtures.forward("f-" + i, String.format("86139070%05d", i % 100_000), to,
                            "2008-01-20T02:00:00Z", text));
                }
                String rfc822 = "message/rfc822";
                post(http, app.baseUri(), RECORDS, rfc822, reports.subList(0, Math.min(500, mm4Records)), connections);
                t0 = System.nanoTime();
                int reportsAccepted = post(http, app.baseUri(), RECORDS, rfc822, reports, connections);
                double reportRate = reportsAccepted / ((System.nanoTime() - t0) / 1e9);
                t0 = System.nanoTime();
                int forwardsAccepted = post(http, app.baseUri(), RECORDS, rfc822, mm4Forwards, connections);
                double forwardRate = forwardsAccepted / ((System.nanoTime() - t0) / 1e9);
                // the same forwards again, as {"type":"mm4"} events in batches of 1000 (re-posts: no effect downstream)
                List<String> mm4Batches = mm4Batches(mm4Forwards, batchSize);
                t0 = System.nanoTime();
                int batchedAccepted = post(http, app.baseUri(), mm4Batches, connections);
                double batchedRate = batchedAccepted / ((System.nanoTime() - t0) / 1e9);


                System.out.println();
                System.out.println("| measure | figure | baseline: raw Kafka producer, same broker, same run | ratio |");
                System.out.println("|---|---|---|---|");
                System.out.printf("| batched ingest over HTTP, %,d events in batches of %d, %d connections | "
                        + "%,.0f events/s | %,.0f records/s | %.2f |%n", accepted, batchSize, connections, ingest, raw,
                        ingest / raw);
                System.out.printf("| MM4_delivery_report.REQ pushed one per request on /api/v1/mmsc/records, %,d records, "
                        + "%d connections | %,.0f records/s | %,.0f records/s | %.3f |%n", reportsAccepted, connections,
                        reportRate, raw, reportRate / raw);
                System.out.printf("| MM4_forward.REQ (short text part, %d bytes) one per request, %,d records, "
                        + "%d connections | %,.0f records/s | %,.0f records/s | %.3f |%n", mm4Forwards.get(0).length,
                        forwardsAccepted, connections, forwardRate, raw, forwardRate / raw);
                System.out.printf("| the same MM4_forward.REQ as {\"type\":\"mm4\"} events in batches of %d, %d connections"
                        + " | %,.0f records/s | %,.0f records/s | %.3f |%n", batchSize, connections, batchedRate, raw,
                        batchedRate / raw);
                withImage.print("seed image, 15 KB base64 a submit", forwards, raw);
                withText.print("tag in a short text part", forwards, raw);
                System.out.printf("%nreplay check: expected %,d credited forwards, got %,d; serials %,d; notices %,d: %s%n",
                        2 * forwards, credited, serials, notices, exact ? "EXACT" : "MISMATCH");
                if (!exact) {
                    System.exit(1);
                }
            }
        }
    }

    /** Time to post a replay and time until PostgreSQL holds {@code expectedTotal} forwards. */
    record EndToEnd(double postSeconds, double creditSeconds) {
        void print(String what, int forwards, double raw) {
            double rate = forwards / creditSeconds;
            System.out.printf("| end to end, %,d forwards (%,d events), %s | %,.0f credited forwards/s "
                    + "(posted in %.1f s, all credited at %.1f s) | %,.0f records/s | %.4f |%n", forwards, 2 * forwards,
                    what, rate, postSeconds, creditSeconds, raw, rate / raw);
        }
    }

    static EndToEnd endToEnd(HttpClient http, String base, Map<String, String> settings, List<String> bodies,
            long expectedTotal, int connections) throws Exception {
        long t0 = System.nanoTime();
        post(http, base, bodies, connections);
        double posted = (System.nanoTime() - t0) / 1e9;
        long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
        while (count(settings, "SELECT count(*) FROM forward") < expectedTotal && System.nanoTime() < deadline) {
            Thread.sleep(100); // the benchmark's polling interval (not a test wait)
        }
        return new EndToEnd(posted, (System.nanoTime() - t0) / 1e9);
    }

    /** N forwards as batches of submit + delivery; 4 forwards per sender, senders over the 13 cities. */
    static List<String> forwardBatches(String idPrefix, int forwards, int offset, String contentType, String data,
            int perBatch) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < forwards; i += perBatch) {
            StringBuilder b = new StringBuilder("[");
            for (int j = i; j < Math.min(forwards, i + perBatch); j++) {
                int k = j + offset;
                String from = String.format("86139%02d%06d", 5 + (k / 4) % 13, k / 4);
                String to = String.format("86137%02d%06d", 5 + k % 13, k);
                b.append(j > i ? "," : "");
                b.append(String.format("{\"type\":\"submit\",\"messageId\":\"%s-%d\",\"from\":\"%s\","
                        + "\"to\":[\"%s\"],\"at\":\"2008-01-20T10:00:00+08:00\",\"subject\":\"Fwd\","
                        + "\"parts\":[{\"contentType\":\"%s\",\"data\":\"%s\"}]},", idPrefix, j, from, to,
                        contentType, data));
                b.append(String.format("{\"type\":\"delivery\",\"messageId\":\"%s-%d\",\"to\":\"%s\","
                        + "\"status\":\"retrieved\",\"at\":\"2008-01-20T10:00:07+08:00\"}", idPrefix, j, to));
            }
            out.add(b.append(']').toString());
        }
        return out;
    }

    /** MM4 records as base64 {@code mm4} events in JSON batches. */
    static List<String> mm4Batches(List<byte[]> records, int perBatch) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < records.size(); i += perBatch) {
            StringBuilder b = new StringBuilder("[");
            for (int j = i; j < Math.min(records.size(), i + perBatch); j++) {
                b.append(j > i ? "," : "").append("{\"type\":\"mm4\",\"mime\":\"")
                        .append(Base64.getEncoder().encodeToString(records.get(j))).append("\"}");
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
        List<byte[]> bytes = bodies.stream().map(b -> b.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toList();
        return post(http, base, "/api/v1/mmsc/events", "application/json", bytes, connections);
    }

    /** Posts every body on {@code connections} connections; each must be answered 202; the sum of {@code accepted}. */
    static int post(HttpClient http, String base, String path, String contentType, List<byte[]> bodies,
            int connections) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        AtomicInteger next = new AtomicInteger();
        AtomicInteger accepted = new AtomicInteger();
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            workers.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < bodies.size()) {
                    HttpRequest req = HttpRequest.newBuilder(URI.create(base + path))
                            .header("Authorization", "Bearer bench-token").header("Content-Type", contentType)
                            .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i))).build();
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
