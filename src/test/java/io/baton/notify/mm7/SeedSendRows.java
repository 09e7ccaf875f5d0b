package io.baton.notify.mm7;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

import io.baton.db.Transactions;

/** The seed_send row of a subscriber, read straight from PostgreSQL for assertions. */
record SeedSendRows(Transactions tx) {

    record Row(long id, String state, String messageId, int attempts, String lastError, boolean delivered,
            boolean read) {
    }

    Optional<Row> of(String msisdn) {
        return tx.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT id, state, mm7_message_id, attempts, last_error, delivered_at IS NOT NULL, read_at IS NOT NULL
                    FROM seed_send WHERE msisdn = ?""")) {
                ps.setString(1, msisdn);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getInt(4), rs.getString(5), rs.getBoolean(6), rs.getBoolean(7))) : Optional.empty();
                }
            }
        });
    }

    String state(String msisdn) {
        return of(msisdn).map(Row::state).orElse(null);
    }

    /**
     * Puts the row where a crash between a SubmitReq and recording its SubmitRsp leaves it: claimed an
     * hour ago, no MessageID, the lost attempt begun (attempts 1).
     */
    void unsettle(long id) {
        unsettle(id, 1);
    }

    /** As {@link #unsettle(long)} with {@code attempts} begun (0: as the logging sender or an older version leaves it). */
    void unsettle(long id, int attempts) {
        tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE seed_send SET state = 'sent', mm7_message_id = NULL, attempts = ?,
                        sent_at = now() - interval '1 hour' WHERE id = ?""")) {
                ps.setInt(1, attempts);
                ps.setLong(2, id);
                return ps.executeUpdate();
            }
        });
    }

    /** What docs/mm7.md tells an operator to do with a seed the MMSC never took: end it failed. */
    void failUnsettled(long id) {
        tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE seed_send SET state = 'failed', last_error = 'unsettled: closed by operator'
                    WHERE id = ? AND state = 'sent' AND mm7_message_id IS NULL""")) {
                ps.setLong(1, id);
                return ps.executeUpdate();
            }
        });
    }
}
