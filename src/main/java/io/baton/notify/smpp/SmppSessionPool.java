package io.baton.notify.smpp;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.jboss.logging.Logger;
import org.jsmpp.session.MessageReceiverListener;

/**
 * The transceiver binds to one SMSC ({@code baton.smpp.sessions} of them), used round robin. A
 * submission waits up to {@code bind-wait} for a bound session; when none comes, it fails
 * transiently and the notice is retried by policy.
 */
public final class SmppSessionPool implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SmppSessionPool.class);

    private final List<SmppBind> binds = new ArrayList<>();
    private final ScheduledExecutorService scheduler;
    private final AtomicInteger next = new AtomicInteger();
    private final long bindWaitNanos;

    public SmppSessionPool(SmppConfig config, MessageReceiverListener inbound) {
        AtomicInteger threads = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "smpp-bind-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.bindWaitNanos = config.bindWait().toNanos();
        for (int i = 0; i < Math.max(1, config.sessions()); i++) {
            binds.add(new SmppBind(i, config, inbound, scheduler));
        }
    }

    public void start() {
        binds.forEach(SmppBind::start);
    }

    /** Sessions bound now. */
    public int bound() {
        return (int) binds.stream().filter(SmppBind::isBound).count();
    }

    /** Submits one segment on the next bound session; the SMSC's message id as it gave it. */
    public String submit(Submission m) throws SubmitFailure {
        long deadline = System.nanoTime() + bindWaitNanos;
        while (true) {
            for (int i = 0; i < binds.size(); i++) {
                SmppBind b = binds.get(Math.floorMod(next.getAndIncrement(), binds.size()));
                if (b.isBound()) {
                    return b.submit(m);
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new SubmitFailure("no bound SMPP session", true);
            }
            // a re-bind takes at least a round trip: look again every 50 ms until the deadline
            LockSupport.parkNanos(Math.min(50_000_000L, left));
            if (Thread.currentThread().isInterrupted()) {
                throw new SubmitFailure("interrupted waiting for a bound session", true);
            }
        }
    }

    @Override
    public void close() {
        binds.forEach(SmppBind::close);
        scheduler.shutdownNow();
        LOG.info("smpp=closed");
    }
}
