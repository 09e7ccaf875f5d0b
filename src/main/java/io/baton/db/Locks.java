package io.baton.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;

import com.dynatrace.hash4j.hashing.Hashing;

/**
 * Advisory locks on names, taken for a whole batch in one round trip and in sorted key order, so
 * that concurrent batches (other partitions, other replicas) never deadlock. A 64-bit hash
 * collision only serialises two unrelated names.
 */
public final class Locks {

    private Locks() {
    }

    public static long key(String name) {
        return Hashing.xxh3_64().hashCharsToLong(name);
    }

    /** Locks every name until the transaction ends. */
    public static void lockAll(Connection c, Collection<String> names) throws SQLException {
        if (names.isEmpty()) {
            return;
        }
        Long[] keys = names.stream().map(Locks::key).distinct().sorted().toArray(Long[]::new);
        try (PreparedStatement ps = c.prepareStatement("SELECT baton_lock_all(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", keys));
            ps.execute();
        }
    }
}
