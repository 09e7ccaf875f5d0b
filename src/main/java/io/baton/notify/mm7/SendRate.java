package io.baton.notify.mm7;

import java.util.concurrent.locks.LockSupport;

/**
 * Spaces SubmitReqs to at most {@code perSecond} over all sending threads: each caller takes the
 * next free slot and waits for it on its own (worker) thread.
 */
final class SendRate {

    private final long intervalNanos;
    private long nextSlot = System.nanoTime();

    SendRate(double perSecond) {
        if (!(perSecond > 0)) {
            throw new IllegalArgumentException("baton.mm7.max-rate must be > 0");
        }
        this.intervalNanos = (long) (1_000_000_000L / perSecond);
    }

    void acquire() {
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = Math.max(now, nextSlot);
            nextSlot = slot + intervalNanos;
        }
        long wait;
        while ((wait = slot - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
