package io.baton.notify;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * Spaces sends (MM7 SubmitReqs, SMPP submit_sm of one bind) to at most {@code perSecond} over all
 * sending threads: each caller takes the next free slot and waits for it on its own (worker) thread.
 */
public final class SendRate {

    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final LongConsumer park;
    private long nextSlot;

    public SendRate(double perSecond) {
        this(perSecond, System::nanoTime, LockSupport::parkNanos);
    }

    /** With a clock and a way to wait of the caller's choosing (tests pass a fake clock). */
    SendRate(double perSecond, LongSupplier nanoTime, LongConsumer park) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("a send rate must be > 0, not " + perSecond);
        }
        this.intervalNanos = (long) (1_000_000_000L / perSecond);
        this.nanoTime = nanoTime;
        this.park = park;
        this.nextSlot = nanoTime.getAsLong();
    }

    /** Waits for the caller's slot. */
    public void acquire() {
        long slot;
        synchronized (this) {
            slot = Math.max(nanoTime.getAsLong(), nextSlot);
            nextSlot = slot + intervalNanos;
        }
        long wait;
        while ((wait = slot - nanoTime.getAsLong()) > 0) {
            park.accept(wait);
        }
    }
}
