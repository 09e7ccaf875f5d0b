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

    /**
     * Reads in one REPEATABLE READ, READ ONLY transaction: every statement sees the same snapshot
     * of the database ({@code pg_current_snapshot()} names it).
     */
    public <T> T inSnapshot(Work<T> work) {
        return inTransaction(c -> {
            try (java.sql.Statement s = c.createStatement()) {
                s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY");
            }
            return work.run(c);
        });
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

    /** One number (a count) read outside a transaction, {@code args} bound in order. */
    public long readLong(String sql, Object... args) {
        return read(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
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

    /**
     * A database failure. {@link #isTransient()} says which kind: the database is away, busy or
     * timed out (the same work may succeed later: wait and retry), or it refused this data (a NUL
     * character, a value out of range, a broken constraint: the same work fails every time).
     */
    public static final class StoreException extends RuntimeException {
        private final boolean transientFailure;

        public StoreException(SQLException cause) {
            super(cause == null ? "database unavailable" : cause.getMessage(), cause);
            this.transientFailure = cause == null || Transactions.isTransient(cause);
        }

        public boolean isTransient() {
            return transientFailure;
        }

        /** The SQLSTATE PostgreSQL gave, or null (no connection to ask). */
        public String sqlState() {
            return getCause() instanceof SQLException e ? e.getSQLState() : null;
        }
    }

    /**
     * Refusals of the data itself are permanent: class 22 (data exception: NUL in text, date out of
     * range), 23 (integrity constraint), 54 (program limit: a value too large). Everything else —
     * no SQLSTATE (the pool could not connect), 08 connection, 40 rollback, 53 resources, 55 lock
     * not available, 57 operator intervention (shutdown, statement timeout), 58 system error, 42 (a
     * schema not yet migrated on this replica) — may pass on a later attempt.
     */
    public static boolean isTransient(SQLException e) {
        String state = e.getSQLState();
        if (state == null || state.length() < 2) {
            return true;
        }
        return switch (state.substring(0, 2)) {
            case "22", "23", "54" -> false;
            default -> true;
        };
    }
}
