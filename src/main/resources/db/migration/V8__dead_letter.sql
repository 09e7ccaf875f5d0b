-- Events the tracking consumer could not handle (issue 15, item 1): unreadable records and events
-- that failed baton.tracking.poison-attempts times for a reason that is not an outage. Kept with the
-- record as it was on Kafka and the last error; one row per record (a redelivered batch adds none).
CREATE TABLE dead_letter (
    id           bigserial PRIMARY KEY,
    topic        text        NOT NULL,
    kafka_partition int      NOT NULL,
    kafka_offset bigint      NOT NULL,
    record_key   text,
    payload      bytea       NOT NULL,
    reason       text        NOT NULL,     -- unreadable | poison
    error        text        NOT NULL,
    attempts     int         NOT NULL,
    failed_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (topic, kafka_partition, kafka_offset)
);
