package io.baton.ingest.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

import io.baton.http.ProblemMappers;
import io.baton.http.ProblemType;
import io.baton.ingest.IngestConfig;
import io.baton.ingest.MmscEventBatch;
import io.baton.ingest.MmscEventPublisher;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What both ingest endpoints do with a read batch: count it, log a summary of what was refused,
 * make the accepted events durable on Kafka and answer 202 (or 503 when Kafka did not acknowledge).
 * Runs on a worker thread: it waits for acks=all.
 */
@ApplicationScoped
public class EventIntake {

    private static final Logger LOG = Logger.getLogger(EventIntake.class);

    private final MmscEventPublisher publisher;
    private final IngestConfig config;
    private final MeterRegistry metrics;

    public EventIntake(MmscEventPublisher publisher, IngestConfig config, MeterRegistry metrics) {
        this.publisher = publisher;
        this.config = config;
        this.metrics = metrics;
    }

    /**
     * Counts what was posted, refused and ignored, and logs a summary of the refusals.
     *
     * @param received how many events or records were posted
     * @param source   {@code events} or {@code records}, for the log line
     */
    void count(String client, MmscEventBatch batch, int received, String source) {
        metrics.counter("baton.events.in", "client", client).increment(received);
        metrics.counter("baton.events.rejected", "client", client).increment(batch.rejected().size());
        metrics.counter("baton.events.ignored", "client", client).increment(batch.ignored().size());
        if (!batch.rejected().isEmpty()) {
            IngestResponse.Rejection first = batch.rejected().get(0);
            LOG.warnf("ingest=rejected source=%s client=%s rejected=%d of=%d first_index=%d first_error=\"%s\"", source,
                    client, batch.rejected().size(), received, first.index(), first.error());
        }
        LOG.debugf("ingest=read source=%s client=%s received=%d accepted=%d rejected=%d ignored=%d", source, client,
                received, batch.records().size(), batch.rejected().size(), batch.ignored().size());
    }

    /** {@link #count}s the batch, then makes its accepted events durable and answers 202 (503 when Kafka fails). */
    Response publish(String client, MmscEventBatch batch, int received, String source) {
        count(client, batch, received, source);
        try {
            publisher.publish(batch.records(), config.publishTimeout());
        } catch (RuntimeException e) {
            LOG.errorf("ingest=kafka-failed source=%s client=%s events=%d reason=%s", source, client,
                    batch.records().size(), e.getMessage());
            return ProblemMappers.response(ProblemType.UNAVAILABLE,
                    "events could not be made durable; post them again (re-posting is idempotent)", null);
        }
        return Response.accepted(new IngestResponse(batch.records().size(), batch.rejected(), batch.ignored()))
                .type(MediaType.APPLICATION_JSON).build();
    }
}
