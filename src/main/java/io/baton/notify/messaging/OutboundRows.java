package io.baton.notify.messaging;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

/** What both outbound consumers share: reading a Kafka record. */
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
}
