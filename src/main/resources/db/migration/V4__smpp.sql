-- SMPP connector: submission attempts and retries of SMS notices, and their segments as the SMSC
-- accepted them, so that a delivery receipt finds its notice and a retry re-sends only what the
-- SMSC has not accepted.
ALTER TABLE sms_outbox
    ADD COLUMN attempts        integer     NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at timestamptz,
    ADD COLUMN last_error      text,
    ADD COLUMN segments        integer,
    ADD COLUMN delivered_at    timestamptz;

-- One row per segment the SMSC accepted (submit_sm_resp OK): its message id, normalised (lower
-- case, no leading zeros), and the state its receipt reported.
CREATE TABLE sms_segment (
    outbox_id        bigint      NOT NULL REFERENCES sms_outbox (id),
    segment          integer     NOT NULL,
    smsc_message_id  text        NOT NULL,
    state            text        NOT NULL DEFAULT 'sent',   -- sent | delivered | undeliverable
    accepted_at      timestamptz NOT NULL DEFAULT now(),
    receipt_at       timestamptz,
    PRIMARY KEY (outbox_id, segment)
);
CREATE INDEX sms_segment_message_id ON sms_segment (smsc_message_id);
