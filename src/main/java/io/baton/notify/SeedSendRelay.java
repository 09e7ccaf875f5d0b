package io.baton.notify;

import java.util.List;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.baton.notify.messaging.MmsOutbound;
import io.baton.notify.store.SeedSendOutbox;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;

/** Relays seed sends ({@code seed_send}) to Kafka {@code mms-outbound}. */
@Singleton
public class SeedSendRelay extends OutboxRelay<MmsOutbound> {

    private final SeedSendOutbox seeds;

    public SeedSendRelay(SeedSendOutbox seeds,
            @Channel("mms-outbound") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<String> emitter,
            ManagedExecutor executor, ObjectMapper json, MeterRegistry metrics) {
        super(emitter, executor, json, metrics, "mms");
        this.seeds = seeds;
    }

    @Scheduled(every = "${baton.notify.relay-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        relay();
    }

    @Override
    protected List<MmsOutbound> unrelayed(int limit) {
        return seeds.unrelayed(limit);
    }

    @Override
    protected String key(MmsOutbound row) {
        return row.to();
    }

    @Override
    protected Object payload(MmsOutbound row) {
        return row;
    }

    @Override
    protected void markRelayed(List<MmsOutbound> rows) {
        seeds.markRelayed(rows);
    }

    @Override
    protected long unrelayedCount() {
        return seeds.unrelayedCount();
    }
}
