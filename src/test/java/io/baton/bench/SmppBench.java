package io.baton.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.jsmpp.bean.AlertNotification;
import org.jsmpp.bean.BindType;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.DeliverSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.SMSCDeliveryReceipt;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindParameter;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.MessageReceiverListener;
import org.jsmpp.session.SMPPSession;
import org.jsmpp.session.Session;

import io.baton.infra.FreePorts;
import io.baton.notify.smpp.SmppConfig;
import io.baton.notify.smpp.SmppSessionPool;
import io.baton.notify.smpp.Submission;
import io.baton.notify.smpp.domain.EncodedSms;
import io.baton.notify.smpp.domain.SmsEncoder;
import io.baton.support.SmscSimulator;

/**
 * SMPP benchmark (run by {@code bench/smpp}): notices per second to OpenSMPP's SMSC simulator on
 * this machine, in one run:
 * <ol>
 * <li>baseline: a bare jSMPP client (one transceiver session, as many threads as the window)
 * submitting the same pre-encoded serial notice;</li>
 * <li>Baton's connector (session pool, window, encoding per notice), limit off;</li>
 * <li>the same with the limit on ({@code --limit}/s per bind).</li>
 * </ol>
 * Receipts are asked for in every run and counted, not stored (no database here: this measures the
 * SMPP path; the outbox path is measured by bench/ingest).
 */
public final class SmppBench {

    private static final String SYSTEM_ID = "bench";
    private static final String PASSWORD = "bench";

    private SmppBench() {
    }

    public static void main(String[] args) throws Exception {
        int notices = IngestBench.intArg(args, "--notices", 5000);
        int window = IngestBench.intArg(args, "--window", 10);
        int limit = IngestBench.intArg(args, "--limit", 200);
        int limitedNotices = IngestBench.intArg(args, "--limited-notices", 2000);
        int rounds = IngestBench.intArg(args, "--rounds", 2);
        long started = System.nanoTime();
        AtomicInteger receipts = new AtomicInteger();
        try (SmscSimulator smsc = SmscSimulator.start(FreePorts.pick(), SYSTEM_ID, PASSWORD)) {
            warmUp(smsc, window, receipts);
            System.out.println("\n## SMPP notices/s to OpenSMPP's SMSC simulator (127.0.0.1, one bind)\n");
            System.out.println("| round | run | notices | window | limit | notices/s | vs bare jSMPP (same round) "
                    + "| refused by the simulator |");
            System.out.println("|---|---|---|---|---|---|---|---|");
            FAILED.set(0);
            for (int round = 1; round <= rounds; round++) { // alternated, so drift in machine load hits both
                double baseline = bareJsmpp(smsc, notices, window, receipts);
                row(round, "baseline: bare jSMPP client, pre-encoded", notices, window, "–", baseline, baseline);
                double off = connector(smsc, notices, window, 0, receipts);
                row(round, "Baton connector, limit off", notices, window, "off", off, baseline);
                double on = connector(smsc, limitedNotices, window, limit, receipts);
                row(round, "Baton connector, limit on", limitedNotices, window, limit + "/s", on, baseline);
            }
            if (!LAST_FAILURE.get().isEmpty()) {
                System.out.println("\nLast refusal: " + LAST_FAILURE.get());
            }
            System.out.printf(Locale.ROOT, "%nReceipts received from the simulator during the run: %,d.%n",
                    receipts.get());
        }
        System.out.printf(Locale.ROOT, "Load average at the end: %s. Total run time %.0f s.%n",
                RecognitionBench.loadAverage(), (System.nanoTime() - started) / 1e9);
        System.exit(0);
    }

    private static void row(int round, String run, int n, int window, String limit, double rate,
            double baseline) {
        System.out.printf(Locale.ROOT, "| %d | %s | %,d | %d | %s | **%,.0f** | %.2f× | %d |%n", round, run, n,
                window, limit, rate, rate / baseline, FAILED.getAndSet(0));
    }

    private static String text(int i) {
        return "您的火炬接力序号是T08-" + String.format("%06d", i) + "-7。继续传递，赢取大奖！";
    }

    private static String to(int i) {
        return "86139" + String.format("%08d", i);
    }

    private static void warmUp(SmscSimulator smsc, int window, AtomicInteger receipts) throws Exception {
        bareJsmpp(smsc, 500, window, receipts);
        connector(smsc, 500, window, 0, receipts);
    }

    /** What jSMPP does alone: one bound session, {@code window} threads each submitting and waiting for its resp. */
    private static double bareJsmpp(SmscSimulator smsc, int n, int window, AtomicInteger receipts) throws Exception {
        SMPPSession session = new SMPPSession();
        session.setMessageReceiverListener(counting(receipts));
        session.connectAndBind("127.0.0.1", smsc.port(), new BindParameter(BindType.BIND_TRX, SYSTEM_ID, PASSWORD,
                "", TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, null), 10_000);
        byte[] message = SmsEncoder.encode(text(0), 0).segments().get(0);
        try {
            return timed(n, window, i -> session.submitShortMessage("", TypeOfNumber.UNKNOWN,
                    NumberingPlanIndicator.ISDN, "10658000", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN,
                    to(i), new ESMClass(), (byte) 0, (byte) 0, null, null,
                    new RegisteredDelivery(SMSCDeliveryReceipt.SUCCESS_FAILURE), (byte) 0,
                    DataCodings.newInstance((byte) 0x08), (byte) 0, message));
        } finally {
            session.unbindAndClose();
        }
    }

    /** Baton's connector: each notice encoded and submitted through the pool (window, pacing). */
    private static double connector(SmscSimulator smsc, int n, int window, int limit, AtomicInteger receipts)
            throws Exception {
        try (SmppSessionPool pool = new SmppSessionPool(config(smsc.port(), window, limit), counting(receipts))) {
            pool.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (pool.bound() == 0 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            return timed(n, window, i -> {
                EncodedSms sms = SmsEncoder.encode(text(i), i);
                for (byte[] segment : sms.segments()) {
                    pool.submit(new Submission("10658000", to(i), sms.coding(), sms.esmClass(), segment));
                }
                return null;
            });
        }
    }

    @FunctionalInterface
    private interface Submit {
        Object run(int i) throws Exception;
    }

    private static final AtomicInteger FAILED = new AtomicInteger();
    private static final java.util.concurrent.atomic.AtomicReference<String> LAST_FAILURE =
            new java.util.concurrent.atomic.AtomicReference<>("");

    /** Notices per second for {@code n} submissions on {@code threads} threads (failed ones counted apart). */
    private static double timed(int n, int threads, Submit submit) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long t0 = System.nanoTime();
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                        try {
                            submit.run(i);
                        } catch (Exception e) { // the simulator nacks now and then under load: count, go on
                            FAILED.incrementAndGet();
                            LAST_FAILURE.set(e.toString());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : workers) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        return n / ((System.nanoTime() - t0) / 1e9);
    }

    private static MessageReceiverListener counting(AtomicInteger receipts) {
        return new MessageReceiverListener() {
            @Override
            public void onAcceptDeliverSm(DeliverSm d) {
                receipts.incrementAndGet();
            }

            @Override
            public void onAcceptAlertNotification(AlertNotification a) {
            }

            @Override
            public DataSmResult onAcceptDataSm(DataSm d, Session s) throws ProcessRequestException {
                throw new ProcessRequestException("unused", 0x03);
            }
        };
    }

    private static SmppConfig config(int port, int window, int limit) {
        return new SmppConfig() {
            public Optional<String> host() { return Optional.of("127.0.0.1"); }
            public int port() { return port; }
            public String systemId() { return SYSTEM_ID; }
            public Optional<String> password() { return Optional.of(PASSWORD); }
            public Optional<String> systemType() { return Optional.empty(); }
            public int sessions() { return 1; }
            public int window() { return window; }
            public int maxRate() { return limit; }
            public Duration enquireLinkInterval() { return Duration.ofSeconds(30); }
            public Duration responseTimeout() { return Duration.ofSeconds(10); }
            public Duration reconnectBackoff() { return Duration.ofSeconds(1); }
            public Duration reconnectBackoffMax() { return Duration.ofSeconds(10); }
            public Duration bindWait() { return Duration.ofSeconds(5); }
            public Duration unsettledGrace() { return Duration.ofMinutes(5); }
            public boolean deliveryReceipts() { return true; }
            public Retry retry() { throw new UnsupportedOperationException("the bench does not retry"); }
        };
    }
}
