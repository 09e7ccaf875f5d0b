package io.baton.notify.smpp;

import java.io.IOException;
import java.net.SocketException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.jsmpp.bean.BroadcastSm;
import org.jsmpp.bean.CancelBroadcastSm;
import org.jsmpp.bean.CancelSm;
import org.jsmpp.bean.DataCodings;
import org.jsmpp.bean.DataSm;
import org.jsmpp.bean.ESMClass;
import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.QueryBroadcastSm;
import org.jsmpp.bean.QuerySm;
import org.jsmpp.bean.RegisteredDelivery;
import org.jsmpp.bean.ReplaceSm;
import org.jsmpp.bean.SubmitMulti;
import org.jsmpp.bean.SubmitSm;
import org.jsmpp.bean.TypeOfNumber;
import org.jsmpp.extra.ProcessRequestException;
import org.jsmpp.session.BindRequest;
import org.jsmpp.session.BroadcastSmResult;
import org.jsmpp.session.DataSmResult;
import org.jsmpp.session.QueryBroadcastSmResult;
import org.jsmpp.session.QuerySmResult;
import org.jsmpp.session.SMPPServerSession;
import org.jsmpp.session.SMPPServerSessionListener;
import org.jsmpp.session.ServerMessageReceiverListener;
import org.jsmpp.session.ServerResponseDeliveryListener;
import org.jsmpp.session.Session;
import org.jsmpp.session.SubmitMultiResult;
import org.jsmpp.session.SubmitSmResult;
import org.jsmpp.util.MessageId;

import io.baton.infra.FreePorts;

/**
 * An SMSC whose faults the test controls, on jSMPP's server side: it can refuse binds, answer
 * ESME_RTHROTTLED, drop the connection while submit_sm are in flight (unanswered), and refuse a
 * destination for good. It answers in hex message ids ({@code 0000ABCD}) and sends each receipt
 * with the same number in decimal, as some SMSCs do. A submit_sm counts as accepted only once its
 * OK resp was written to the socket.
 */
final class FaultySmsc implements AutoCloseable {

    static final int ESME_RBINDFAIL = 0x0D;
    static final int ESME_RTHROTTLED = 0x58;
    static final int ESME_RINVDSTADR = 0x0B;
    /** Destinations starting with this are refused for good. */
    static final String REFUSED_PREFIX = "8613999";

    final AtomicInteger refuseBinds = new AtomicInteger();
    final AtomicInteger refusedBinds = new AtomicInteger();
    final AtomicInteger throttleNext = new AtomicInteger();
    final AtomicInteger throttled = new AtomicInteger();
    /** Counts submit_sm down; the one that brings it to zero is throttled (to hit one given segment). */
    final AtomicInteger throttleSubmitNumber = new AtomicInteger(-1);
    /**
     * When more than zero: submit_sm are held unanswered until this many are in flight, then the
     * connection is dropped with all of them unanswered (a drop mid-window).
     */
    final AtomicInteger dropWhenInFlight = new AtomicInteger();
    final AtomicInteger drops = new AtomicInteger();
    final AtomicInteger inFlightAtDrop = new AtomicInteger();
    private volatile java.util.concurrent.CountDownLatch dropped = new java.util.concurrent.CountDownLatch(1);
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    /** Destination → number of submit_sm accepted (OK resp written). */
    final Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
    /** Destination → segment numbers (from the concatenation UDH, 1 without one) accepted, in order. */
    final Map<String, List<Integer>> acceptedSegments = new ConcurrentHashMap<>();
    /** Every submit_sm as it arrived: on which session, when (System.nanoTime), to whom. */
    final List<Arrival> arrivals = new CopyOnWriteArrayList<>();
    /** Session ids in the order their binds were accepted, with the time of each. */
    final List<Arrival> binds = new CopyOnWriteArrayList<>();
    /** When set, the next submit_sm (on whichever session) drops its connection unanswered. */
    final AtomicBoolean dropOnNextSubmit = new AtomicBoolean();
    /** The session dropped by {@link #dropOnNextSubmit}, and when. */
    final AtomicReference<Arrival> droppedSession = new AtomicReference<>();

    /** A submit_sm (or, in {@link #binds}, a bind) seen on a session at {@code nanos}. */
    record Arrival(String sessionId, long nanos, String destination) {
    }

    private final SMPPServerSessionListener listener;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<SMPPServerSession> sessions = new CopyOnWriteArrayList<>();
    private final Map<String, String> pendingDestination = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(0xA000);
    private volatile boolean closed;

    FaultySmsc() throws IOException {
        listener = new SMPPServerSessionListener(FreePorts.pick());
        listener.setPduProcessorDegree(16);
        listener.setMessageReceiverListener(new Receiver());
        listener.setResponseDeliveryListener(new Delivery());
        threads.execute(this::acceptLoop);
    }

    int port() {
        return listener.getPort();
    }

    int acceptedCount(String destination) {
        AtomicInteger n = accepted.get(destination);
        return n == null ? 0 : n.get();
    }

    /** Sessions bound now. */
    List<SMPPServerSession> sessionsBound() {
        return sessions.stream().filter(s -> s.getSessionState().isBound()).toList();
    }

    /** Drops every bound session now (no unbind), as a failing link would. */
    void dropAll() {
        sessions.forEach(SMPPServerSession::close);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                SMPPServerSession session = listener.accept();
                threads.execute(() -> bind(session));
            } catch (SocketException e) {
                return; // closed
            } catch (IOException e) {
                if (closed) {
                    return;
                }
            }
        }
    }

    private void bind(SMPPServerSession session) {
        try {
            BindRequest request = session.waitForBind(5000);
            if (refuseBinds.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                refusedBinds.incrementAndGet();
                request.reject(ESME_RBINDFAIL);
                session.close();
                return;
            }
            request.accept("faulty-smsc");
            sessions.add(session);
            binds.add(new Arrival(session.getSessionId(), System.nanoTime(), null));
        } catch (Exception e) {
            session.close();
        }
    }

    private final class Receiver implements ServerMessageReceiverListener {

        @Override
        public SubmitSmResult onAcceptSubmitSm(SubmitSm submit, SMPPServerSession session)
                throws ProcessRequestException {
            arrivals.add(new Arrival(session.getSessionId(), System.nanoTime(), submit.getDestAddress()));
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                if (dropOnNextSubmit.compareAndSet(true, false)) {
                    droppedSession.set(new Arrival(session.getSessionId(), System.nanoTime(), submit.getDestAddress()));
                    session.close();
                    throw new ProcessRequestException("dropped", 0x08); // never written: the socket is gone
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(15)); // an SMSC's latency, so windows fill
                int dropAt = dropWhenInFlight.get();
                if (dropAt > 0) {
                    holdThenDrop(session, now, dropAt);
                }
                if (throttleNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                        || throttleSubmitNumber.decrementAndGet() == 0) {
                    throttled.incrementAndGet();
                    throw new ProcessRequestException("throttled", ESME_RTHROTTLED);
                }
                if (submit.getDestAddress().startsWith(REFUSED_PREFIX)) {
                    throw new ProcessRequestException("invalid destination", ESME_RINVDSTADR);
                }
                String id = String.format("%08X", ids.incrementAndGet());
                byte[] sm = submit.getShortMessage();
                int segment = (submit.getEsmClass() & 0x40) != 0 && sm.length >= 6 ? sm[5] : 1;
                pendingDestination.put(id, submit.getDestAddress() + "|" + submit.getSourceAddr() + "|" + segment);
                return new SubmitSmResult(new MessageId(id), new org.jsmpp.bean.OptionalParameter[0]);
            } catch (org.jsmpp.PDUStringException e) {
                throw new ProcessRequestException(e.getMessage(), 0x08);
            } finally {
                inFlight.decrementAndGet();
            }
        }

        /** Holds this submit unanswered; the one that fills the window drops the connection under all of them. */
        private void holdThenDrop(SMPPServerSession session, int inFlightNow, int dropAt)
                throws ProcessRequestException {
            java.util.concurrent.CountDownLatch latch = dropped;
            if (inFlightNow >= dropAt && dropWhenInFlight.compareAndSet(dropAt, 0)) {
                inFlightAtDrop.set(inFlightNow);
                drops.incrementAndGet();
                session.close();
                latch.countDown();
                dropped = new java.util.concurrent.CountDownLatch(1);
            } else {
                try {
                    latch.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            throw new ProcessRequestException("dropped", 0x08); // never written: the socket is gone
        }

        @Override
        public SubmitMultiResult onAcceptSubmitMulti(SubmitMulti m, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", 0x03);
        }

        @Override
        public QuerySmResult onAcceptQuerySm(QuerySm q, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", 0x03);
        }

        @Override
        public void onAcceptReplaceSm(ReplaceSm r, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", 0x03);
        }

        @Override
        public void onAcceptCancelSm(CancelSm c, SMPPServerSession s) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", 0x03);
        }

        @Override
        public BroadcastSmResult onAcceptBroadcastSm(BroadcastSm b, SMPPServerSession s)
                throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", 0x03);
        }

        @Override
        public void onAcceptCancelBroadcastSm(CancelBroadcastSm c, SMPPServerSession s)
                throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", 0x03);
        }

        @Override
        public QueryBroadcastSmResult onAcceptQueryBroadcastSm(QueryBroadcastSm q, SMPPServerSession s)
                throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", 0x03);
        }

        @Override
        public DataSmResult onAcceptDataSm(DataSm d, Session s) throws ProcessRequestException {
            throw new ProcessRequestException("unsupported", 0x03);
        }
    }

    private final class Delivery implements ServerResponseDeliveryListener {

        @Override
        public void onSubmitSmRespSent(SubmitSmResult result, SMPPServerSession session) {
            String hexId = result.getMessageId();
            String[] destinationAndSource = pendingDestination.remove(hexId).split("\\|");
            accepted.computeIfAbsent(destinationAndSource[0], k -> new AtomicInteger()).incrementAndGet();
            acceptedSegments.computeIfAbsent(destinationAndSource[0], k -> new CopyOnWriteArrayList<>())
                    .add(Integer.parseInt(destinationAndSource[2]));
            threads.execute(() -> receipt(session, hexId, destinationAndSource[0], destinationAndSource[1]));
        }

        /** The receipt names the message by the same number in decimal, with leading zeros. */
        private void receipt(SMPPServerSession session, String hexId, String subscriber, String shortCode) {
            String decimal = String.format("%012d", Long.parseLong(hexId, 16));
            String text = "id:" + decimal + " sub:001 dlvrd:001 submit date:2601011200 done date:2601011201"
                    + " stat:DELIVRD err:000 text:";
            try {
                session.deliverShortMessage("", TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, subscriber,
                        TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, shortCode, new ESMClass(0x04), (byte) 0,
                        (byte) 0, new RegisteredDelivery(0), DataCodings.ZERO, text.getBytes());
            } catch (Exception e) {
                // the session went away: the receipt is lost, as it would be at a real SMSC
            }
        }

        @Override
        public void onSubmitSmRespError(SubmitSmResult result, Exception e, SMPPServerSession session) {
            pendingDestination.remove(result.getMessageId());
        }

        @Override
        public void onSubmitMultiRespSent(SubmitMultiResult result, SMPPServerSession session) {
        }

        @Override
        public void onSubmitMultiRespError(SubmitMultiResult result, Exception e, SMPPServerSession session) {
        }
    }

    @Override
    public void close() {
        closed = true;
        dropAll();
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        threads.shutdownNow();
    }
}
