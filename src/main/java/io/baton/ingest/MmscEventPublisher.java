package io.baton.ingest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import io.smallrye.common.annotation.Identifier;

/**
 * Publishes accepted events to Kafka {@code mmsc-events} and waits until every record is
 * acknowledged by all in-sync replicas. A plain producer rather than a messaging emitter: ingest
 * is the hottest path, and a batch of 10,000 records is sent and awaited as a whole (the emitter's
 * per-message pipeline cost more than the broker, see bench/RESULTS.md).
 */
@ApplicationScoped
public class MmscEventPublisher {

    public static final String TOPIC = "mmsc-events";

    private final KafkaProducer<String, String> producer;

    public MmscEventPublisher(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        Map<String, Object> config = new HashMap<>();
        kafka.forEach((k, v) -> {
            if (ProducerConfig.configNames().contains(k) || k.startsWith("ssl.") || k.startsWith("sasl.")
                    || k.equals("security.protocol")) {
                config.put(k, v);
            }
        });
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "baton-ingest");
        this.producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /**
     * Sends every record and waits for all acknowledgements.
     *
     * @param records key and JSON value of each event
     * @throws PublishFailedException when any record was not acknowledged in time
     */
    public void publish(List<String[]> records, Duration timeout) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        for (String[] r : records) {
            acks.add(producer.send(new ProducerRecord<>(TOPIC, r[0], r[1])));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (Future<RecordMetadata> f : acks) {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (ExecutionException e) {
            throw new PublishFailedException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new PublishFailedException("no acknowledgement within " + timeout, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PublishFailedException("interrupted", e);
        }
    }

    @PreDestroy
    void close() {
        producer.close(Duration.ofSeconds(5));
    }

    /** Not every record of a batch is durable: the client must post it again (re-posting is idempotent). */
    public static final class PublishFailedException extends RuntimeException {
        PublishFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
