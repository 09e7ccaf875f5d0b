package io.baton.db;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * Runs JDBC work in one PostgreSQL transaction, retrying what PostgreSQL tells us to retry
 * (serialization failures, deadlocks) and waiting out a lost connection, so a consumer never
 * skips an event because the database blinked.
 */
@ApplicationScoped
public class Transactions {

    private static final Logger LOG = Logger.getLogger(Transactions.class);
    private static final int MAX_ATTEMPTS = 8;

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final DataSource dataSource;

    public Transactions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T inTransaction(Work<T> work) {
        SQLException last = null;
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            try (Connection c = dataSource.getConnection()) {
                c.setAutoCommit(false);
                try {
                    T result = work.run(c);
                    c.commit();
                    return result;
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                if (!retryable(e)) {
                    throw new StoreException(e);
                }
                last = e;
                LOG.warnf("db=retry attempt=%d sqlstate=%s reason=%s", attempt, e.getSQLState(), e.getMessage());
                pause(attempt);
            }
        }
        throw new StoreException(last);
    }

    /** One statement in its own transaction, {@code args} bound in order; the rows it changed. */
    public int update(String sql, Object... args) {
        return inTransaction(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                return ps.executeUpdate();
            }
        });
    }

    /** Reads outside a transaction (autocommit). */
    public <T> T read(Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    static boolean retryable(SQLException e) {
        String state = e.getSQLState();
        return state != null && (state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                || state.startsWith("57P"));
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(5_000L, 50L << attempt));
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        }
    }

    /** A database failure that is not the caller's fault. */
    public static final class StoreException extends RuntimeException {
        public StoreException(SQLException cause) {
            super(cause == null ? "database unavailable" : cause.getMessage(), cause);
        }
    }
}
