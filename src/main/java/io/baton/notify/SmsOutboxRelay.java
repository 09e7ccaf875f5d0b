package io.baton.notify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.context.ManagedExecutor;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.baton.db.Transactions;
import io.baton.notify.messaging.SmsOutbound;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Relays {@code sms_outbox} to Kafka {@code sms-outbound}: new notices, and notices put back for
 * another attempt once their {@code next_attempt_at} has come (the scheduled run picks them up).
 */
@Singleton
public class SmsOutboxRelay extends OutboxRelay {

    public SmsOutboxRelay(Transactions tx,
            @Channel("sms-outbound") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<String> emitter,
            ManagedExecutor executor, ObjectMapper json, MeterRegistry metrics) {
        super(tx, emitter, executor, json, metrics, "sms_outbox", "sms");
    }

    @Scheduled(every = "${baton.notify.relay-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        relay();
    }

    @Override
    protected List<Row> unrelayed(Connection c, int limit) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT id, to_msisdn, from_address, text FROM sms_outbox
                WHERE relayed_at IS NULL AND (next_attempt_at IS NULL OR next_attempt_at <= now())
                ORDER BY id LIMIT ?""")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    SmsOutbound m = new SmsOutbound(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4));
                    rows.add(row(m.id(), m.to(), m));
                }
            }
        }
        return rows;
    }
}
