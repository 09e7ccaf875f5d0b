package io.baton.ingest;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Publishes accepted events to Kafka {@code mmsc-events}; completes when all are acknowledged (acks=all). */
@ApplicationScoped
public class MmscEventPublisher {

    private final MutinyEmitter<String> emitter;

    public MmscEventPublisher(@Channel("mmsc-events") @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
            MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    /** @param records key and JSON value of each event */
    public Uni<Void> publish(List<String[]> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> acks = new ArrayList<>(records.size());
        for (String[] r : records) {
            Message<String> m = Message.of(r[1])
                    .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(r[0]).build());
            acks.add(emitter.sendMessage(m));
        }
        return Uni.join().all(acks).andCollectFailures().replaceWithVoid();
    }
}
