package io.baton.notify;

import java.util.List;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.context.ManagedExecutor;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.baton.notify.messaging.SmsOutbound;
import io.baton.notify.store.SmsOutboxRepository;
import io.baton.notify.store.SmsOutboxRepository.Queued;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.MutinyEmitter;

/**
 * Relays {@code sms_outbox} to Kafka {@code sms-outbound}: new notices, and notices put back for
 * another attempt once their {@code next_attempt_at} has come (the scheduled run picks them up).
 * Each record carries the notice's version, so only the newest record of a notice can claim it.
 */
@Singleton
public class SmsOutboxRelay extends OutboxRelay<Queued> {

    private final SmsOutboxRepository outbox;

    public SmsOutboxRelay(SmsOutboxRepository outbox,
            @Channel("sms-outbound") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER) MutinyEmitter<String> emitter,
            ManagedExecutor executor, ObjectMapper json, MeterRegistry metrics) {
        super(emitter, executor, json, metrics, "sms");
        this.outbox = outbox;
    }

    @Scheduled(every = "${baton.notify.relay-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void scheduled() {
        relay();
    }

    @Override
    protected List<Queued> unrelayed(int limit) {
        return outbox.unrelayed(limit);
    }

    @Override
    protected String key(Queued row) {
        return row.to();
    }

    @Override
    protected Object payload(Queued row) {
        return new SmsOutbound(row.id(), row.to(), row.from(), row.text(), row.version());
    }

    @Override
    protected void markRelayed(List<Queued> rows) {
        outbox.markRelayed(rows);
    }

    @Override
    protected long unrelayedCount() {
        return outbox.unrelayedCount();
    }
}
