package io.baton.ingest;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits of the ingest API ({@code baton.ingest.*}). */
@ConfigMapping(prefix = "baton.ingest")
public interface IngestConfig {

    /** Most events in one batch; a larger batch is refused whole with 413. */
    @WithDefault("10000")
    int maxBatchEvents();

    /**
     * Largest body of {@code POST /api/v1/mmsc/events}; larger: 413, refused before reading when
     * the length is declared, stopped at this many bytes when it is not (chunked).
     */
    @WithDefault("268435456")
    long maxBatchBytes();

    /** Most bytes of one event as it goes to Kafka; a larger event is rejected at its index. */
    @WithDefault("1000000")
    int maxEventBytes();

    /**
     * Largest record on {@code POST /api/v1/mmsc/records} (one MM4 message or MMS PDU, as received);
     * larger: 413. Records are read whole in memory, so this bounds the memory a post can take.
     */
    @WithDefault("4194304")
    int maxRecordBytes();

    /** How long a batch may wait for Kafka's acknowledgement before the post is answered 503. */
    @WithDefault("30s")
    java.time.Duration publishTimeout();
}
