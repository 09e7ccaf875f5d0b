package io.baton.db;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Waits out a database that is away or busy. Work that fails with a transient
 * {@link Transactions.StoreException} is tried again after a pause that starts at
 * {@code baton.database.initial-backoff} and doubles up to {@code baton.database.max-backoff}, for
 * as long as it takes: a consumer pauses during an outage instead of failing (a failed message
 * stops a SmallRye channel for good). A permanent failure (the database refused the data) and any
 * failure while the application stops are thrown at once.
 *
 * <p>{@code baton_database_waiting} is the number of workers waiting at the moment.
 */
@ApplicationScoped
public class DatabaseWait {

    private static final Logger LOG = Logger.getLogger(DatabaseWait.class);

    /** {@code baton.database.*}. */
    @ConfigMapping(prefix = "baton.database")
    public interface Config {
        /** First pause after a transient failure. */
        @WithDefault("200ms")
        Duration initialBackoff();

        /** Longest pause: the most a worker lags behind a database that has come back. */
        @WithDefault("30s")
        Duration maxBackoff();
    }

    private final Config config;
    private final AtomicInteger waiting = new AtomicInteger();
    private volatile boolean stopping;

    public DatabaseWait(Config config, MeterRegistry metrics) {
        this.config = config;
        metrics.gauge("baton.database.waiting", waiting);
    }

    void onStop(@Observes ShutdownEvent ev) {
        stopping = true;
    }

    /** True once the application has begun to stop: waiting is over, failures are thrown. */
    public boolean stopping() {
        return stopping;
    }

    /** {@code work}, tried until it succeeds or fails for a reason other than an outage. */
    public <T> T until(String what, Supplier<T> work) {
        Backoff backoff = backoff();
        try {
            while (true) {
                try {
                    return work.get();
                } catch (Transactions.StoreException e) {
                    backoff.pauseOrThrow(what, e);
                }
            }
        } finally {
            backoff.done();
        }
    }

    /** {@link #until(String, Supplier)} for work without a result. */
    public void until(String what, Runnable work) {
        until(what, () -> {
            work.run();
            return null;
        });
    }

    /** A fresh back-off for a loop of one's own; call {@link Backoff#done()} when it ends. */
    public Backoff backoff() {
        return new Backoff();
    }

    /** The pauses of one piece of work: each one twice the last, up to the maximum. */
    public final class Backoff {
        private long nextMs = config.initialBackoff().toMillis();
        private boolean counted;
        private String what;

        private Backoff() {
        }

        /**
         * Pauses if {@code e} is transient and the application is not stopping; otherwise throws
         * {@code e}. The caller tries again after it returns.
         */
        public void pauseOrThrow(String what, Transactions.StoreException e) {
            if (stopping || !e.isTransient()) {
                throw e;
            }
            this.what = what;
            if (!counted) {
                counted = true;
                waiting.incrementAndGet();
            }
            LOG.warnf("db=waiting work=%s pause_ms=%d sqlstate=%s reason=%s", what, nextMs, e.sqlState(),
                    e.getMessage());
            try {
                Thread.sleep(nextMs);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the database", ie);
            }
            nextMs = Math.min(nextMs * 2, config.maxBackoff().toMillis());
        }

        /** Ends this back-off (it no longer counts as waiting). */
        public void done() {
            if (counted) {
                counted = false;
                waiting.decrementAndGet();
                LOG.infof("db=resumed work=%s", what);
            }
        }
    }
}
