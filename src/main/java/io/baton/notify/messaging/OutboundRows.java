package io.baton.notify.messaging;

import java.sql.PreparedStatement;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.baton.db.Transactions;

/** What both outbound consumers share: reading a Kafka record and claiming its outbox row. */
final class OutboundRows {

    private static final Logger LOG = Logger.getLogger(OutboundRows.class);

    private OutboundRows() {
    }

    static <T> T read(ObjectMapper json, String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (Exception e) {
            LOG.warnf("outbound=unreadable type=%s reason=%s", type.getSimpleName(), e.getMessage());
            return null;
        }
    }

    /** Moves the row from {@code queued} to {@code sent}; false when another delivery of the record did it first. */
    static boolean claim(Transactions tx, String table, long id) {
        return tx.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE " + table + " SET state = 'sent', sent_at = now() WHERE id = ? AND state = 'queued'")) {
                ps.setLong(1, id);
                return ps.executeUpdate() == 1;
            }
        });
    }
}
