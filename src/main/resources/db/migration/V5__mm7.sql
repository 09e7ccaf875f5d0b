-- MM7 connector: what became of each seed sent by SubmitReq (issue 5)
ALTER TABLE seed_send
    ADD COLUMN mm7_message_id  text,          -- the MMSC's MessageID from SubmitRsp
    ADD COLUMN attempts        integer NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at timestamptz,   -- set while state = 'retrying'
    ADD COLUMN last_error      text,
    ADD COLUMN delivered_at    timestamptz,   -- DeliveryReportReq (final MMStatus)
    ADD COLUMN read_at         timestamptz;   -- ReadReplyReq
-- delivery reports and read replies find their seed by the MMSC's MessageID
CREATE INDEX seed_send_mm7_message_id ON seed_send (mm7_message_id) WHERE mm7_message_id IS NOT NULL;
-- the retry scheduler looks only at rows waiting for another attempt
CREATE INDEX seed_send_retry_due ON seed_send (next_attempt_at) WHERE state = 'retrying';

-- the LinkedID of the last MO MMS (DeliverReq) from a subscriber, so the seed it asked for is
-- submitted as an answer to it (MMSCs bill or route replies by LinkedID)
CREATE TABLE mm7_linked_id (
    msisdn      text PRIMARY KEY,
    linked_id   text        NOT NULL,
    received_at timestamptz NOT NULL DEFAULT now()
);
