-- Notice states have one owner (issue 15, item 5). version counts the times a notice was queued
-- for relaying (0 when written, +1 each time a transient failure puts it back). The relay marks a row
-- relayed only at the version it read, and a consumer claims only the version its record carries: a
-- relay or a Kafka record older than the retry can no longer strand the notice or send it twice.
ALTER TABLE sms_outbox ADD COLUMN version bigint NOT NULL DEFAULT 0;
