package io.baton.db;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * Columns of a multi-row statement as text arrays, for {@code INSERT ... SELECT FROM unnest(...)}
 * and joins against {@code unnest}: one round trip for a whole batch (LIMITS.md: ~12× the rows/s
 * of one row per statement). SQL casts each column to its type.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    public static <T> Array column(Connection c, List<T> rows, Function<T, Object> value) throws SQLException {
        String[] out = new String[rows.size()];
        for (int i = 0; i < out.length; i++) {
            Object v = value.apply(rows.get(i));
            out[i] = v == null ? null : v.toString();
        }
        return c.createArrayOf("text", out);
    }
}
