package io.baton.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An MMSC's MM7 interface on 127.0.0.1 for tests: checks each SubmitReq's wire format with
 * {@link SubmitReqWire} (independent of Baton's codec), records it, and answers per a plan scripted
 * per recipient (default: 1000 with a fresh MessageID). Like a real MMSC it recognises a repeated
 * TransactionID and answers it with the MessageID it already gave, without delivering again.
 */
public final class MmscStandIn implements AutoCloseable {

    /** One scripted answer. */
    public sealed interface Answer {
        /** SubmitRsp with this status (1000 success). */
        record Status(int code, String text) implements Answer {
        }

        /** This HTTP status with a non-SOAP body. */
        record Http(int status) implements Answer {
        }

        /** Processes (and accepts) the request but answers only after {@code delay}. */
        record Slow(Duration delay) implements Answer {
        }

        static Answer ok() {
            return new Status(1000, "Success");
        }
    }

    /** One HTTP request as received, with what the stand-in made of it. */
    public record Received(SubmitReqWire.SubmitReq submit, String user, String wireError, String answeredWith) {
    }

    public static final String USER = "baton-vasp";
    public static final String PASSWORD = "vasp-secret";

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, String> acceptedByTransaction = new ConcurrentHashMap<>();
    private final Map<String, List<SubmitReqWire.SubmitReq>> delivered = new ConcurrentHashMap<>();
    private final Map<String, Deque<Answer>> plans = new ConcurrentHashMap<>();
    private final AtomicLong messageIds = new AtomicLong();
    private final CountDownLatch stopping = new CountDownLatch(1);

    public MmscStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(threads);
        server.createContext("/mm7", this::handle);
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mm7");
    }

    /** The answers to the next SubmitReqs for {@code recipient}, in order; then 1000 again. */
    public void plan(String recipient, Answer... answers) {
        plans.put(recipient, new ArrayDeque<>(List.of(answers)));
    }

    /** Every request, also refused and repeated ones. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** Requests addressed to {@code recipient}. */
    public List<Received> attemptsFor(String recipient) {
        return received.stream().filter(r -> r.submit() != null && r.submit().recipients().contains(recipient))
                .toList();
    }

    /** Messages the MMSC would deliver to {@code recipient}: accepted, each TransactionID once. */
    public List<SubmitReqWire.SubmitReq> deliveredTo(String recipient) {
        return List.copyOf(delivered.getOrDefault(recipient, List.of()));
    }

    /** The MessageID given to a TransactionID, or null. */
    public String messageIdOf(String transactionId) {
        return acceptedByTransaction.get(transactionId);
    }

    /**
     * Reports the last message delivered to {@code recipient} to Baton as an MMSC does: a
     * DeliveryReportReq with its MessageID, posted to {@code batonMm7} as MMSC client {@code user}.
     */
    public java.net.http.HttpResponse<String> reportDelivery(URI batonMm7, String recipient, String mmStatus,
            String user, String token) throws IOException, InterruptedException {
        List<SubmitReqWire.SubmitReq> got = deliveredTo(recipient);
        if (got.isEmpty()) {
            throw new IllegalStateException("nothing was delivered to " + recipient);
        }
        String messageId = messageIdOf(got.get(got.size() - 1).transactionId());
        return MmscRequests.post(batonMm7, MmscRequests.deliveryReport("dr-" + messageId, messageId, recipient,
                mmStatus), user, token);
    }

    /** An MO MMS from {@code from} to {@code shortCode} saying {@code text}, posted to Baton. */
    public java.net.http.HttpResponse<String> deliver(URI batonMm7, String from, String shortCode, String text,
            String at, String user, String token) throws IOException, InterruptedException {
        String id = "mo-" + messageIds.incrementAndGet();
        return MmscRequests.post(batonMm7, MmscRequests.deliver(id, from, shortCode, text, "linked-" + id, at), user,
                token);
    }

    public List<String> wireErrors() {
        return received.stream().map(Received::wireError).filter(e -> e != null).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String user = user(exchange.getRequestHeaders().getFirst("Authorization"));
            if (!(USER + ":" + PASSWORD).equals(user)) {
                received.add(new Received(null, user, "bad credentials", "401"));
                respond(exchange, 401, "text/plain", "unauthorised");
                return;
            }
            SubmitReqWire.SubmitReq submit;
            try {
                submit = SubmitReqWire.read(exchange.getRequestHeaders().getFirst("Content-Type"), body);
            } catch (RuntimeException | IOException e) {
                received.add(new Received(null, user, e.getClass().getSimpleName() + ": " + e.getMessage(), "2007"));
                respond(exchange, 500, "text/xml; charset=utf-8", fault("unknown", 2007, String.valueOf(e.getMessage())));
                return;
            }
            Answer answer = nextAnswer(submit.recipients().get(0));
            received.add(new Received(submit, user, null, answer.toString()));
            if (answer instanceof Answer.Http h) {
                respond(exchange, h.status(), "text/html", "<html><body>" + h.status() + "</body></html>");
            } else if (answer instanceof Answer.Status s && s.code() != 1000) {
                respond(exchange, 500, "text/xml; charset=utf-8", fault(submit.transactionId(), s.code(), s.text()));
            } else {
                String messageId = accept(submit);
                if (answer instanceof Answer.Slow slow) {
                    try {
                        stopping.await(slow.delay().toMillis(), TimeUnit.MILLISECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                respond(exchange, 200, "text/xml; charset=utf-8", submitRsp(submit.transactionId(), messageId));
            }
        }
    }

    private synchronized String accept(SubmitReqWire.SubmitReq submit) {
        String known = acceptedByTransaction.get(submit.transactionId());
        if (known != null) {
            return known;
        }
        String id = "mmsc-" + messageIds.incrementAndGet();
        acceptedByTransaction.put(submit.transactionId(), id);
        for (String to : submit.recipients()) {
            delivered.computeIfAbsent(to, k -> new CopyOnWriteArrayList<>()).add(submit);
        }
        return id;
    }

    private Answer nextAnswer(String recipient) {
        Deque<Answer> plan = plans.get(recipient);
        Answer a = plan == null ? null : plan.pollFirst();
        return a == null ? Answer.ok() : a;
    }

    private static String user(String authorization) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return null;
        }
        return new String(Base64.getDecoder().decode(authorization.substring(6)), StandardCharsets.UTF_8);
    }

    private static void respond(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // the client gave up waiting (a slow answer): what it missed is recorded already
        }
    }

    private static String submitRsp(String transactionId, String messageId) {
        return envelope(transactionId, "<mm7:SubmitRsp><mm7:MM7Version>6.8.0</mm7:MM7Version><mm7:Status>"
                + "<mm7:StatusCode>1000</mm7:StatusCode><mm7:StatusText>Success</mm7:StatusText></mm7:Status>"
                + "<mm7:MessageID>" + messageId + "</mm7:MessageID></mm7:SubmitRsp>");
    }

    private static String fault(String transactionId, int code, String text) {
        return envelope(transactionId, "<env:Fault><faultcode>env:Client</faultcode><faultstring>" + text
                + "</faultstring><detail><mm7:RSErrorRsp><mm7:MM7Version>6.8.0</mm7:MM7Version><mm7:Status>"
                + "<mm7:StatusCode>" + code + "</mm7:StatusCode><mm7:StatusText>" + text
                + "</mm7:StatusText></mm7:Status></mm7:RSErrorRsp></detail></env:Fault>");
    }

    static String envelope(String transactionId, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><env:Envelope xmlns:env=\"" + SubmitReqWire.SOAP
                + "\" xmlns:mm7=\"" + SubmitReqWire.MM7 + "\"><env:Header><mm7:TransactionID env:mustUnderstand=\"1\">"
                + transactionId + "</mm7:TransactionID></env:Header><env:Body>" + body + "</env:Body></env:Envelope>";
    }

    /** The settings that point Baton at this stand-in. */
    public Map<String, String> settings() {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("baton.mm7.url", url().toString());
        s.put("baton.mm7.vasp-id", "baton-test-vasp");
        s.put("baton.mm7.vas-id", "torch");
        s.put("baton.mm7.username", USER);
        s.put("baton.mm7.password", PASSWORD);
        s.put("baton.mm7.service-code", "torch-seed");
        s.put("baton.mm7.timeout", "1s");
        s.put("baton.mm7.max-rate", "200");
        s.put("baton.mm7.retry-interval", "100ms");
        s.put("baton.mm7.retry.initial-backoff", "200ms");
        s.put("baton.mm7.retry.max-backoff", "1s");
        s.put("baton.mm7.retry.max-attempts", "4");
        return s;
    }

    @Override
    public void close() {
        stopping.countDown();
        server.stop(0);
        threads.shutdownNow();
    }
}
