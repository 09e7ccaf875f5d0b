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
import io.baton.notify.messaging.MmsOutbound;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;

/** Relays seed sends ({@code seed_send}) to Kafka {@code mms-outbound}. */
@Singleton
public class SeedSendRelay extends OutboxRelay {

    public SeedSendRelay(Transactions tx,
            @Channel("mms-outbound") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<String> emitter,
            ManagedExecutor executor, ObjectMapper json, MeterRegistry metrics) {
        super(tx, emitter, executor, json, metrics, "seed_send", "mms");
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
                SELECT id, campaign_id, msisdn FROM seed_send WHERE relayed_at IS NULL ORDER BY id LIMIT ?""")) {
            ps.setInt(1, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    MmsOutbound m = new MmsOutbound(rs.getLong(1), rs.getString(2), rs.getString(3));
                    rows.add(row(m.id(), m.to(), m));
                }
            }
        }
        return rows;
    }
}
