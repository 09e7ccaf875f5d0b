-- Anti-abuse and reviews (issue 16). A serial wins at most one prize when credited (instant or
-- milestone) and at most once in each draw: a draw may pick a serial that won an instant prize.
ALTER TABLE prize_win DROP CONSTRAINT prize_win_serial_key;
ALTER TABLE prize_win ADD COLUMN draw_id text;
UPDATE prize_win SET draw_id = substring(rule FROM 6) WHERE kind = 'draw';
CREATE UNIQUE INDEX prize_win_credit_serial ON prize_win (serial) WHERE draw_id IS NULL;
CREATE UNIQUE INDEX prize_win_draw_serial ON prize_win (campaign_id, draw_id, serial) WHERE draw_id IS NOT NULL;
CREATE INDEX prize_win_claim_due ON prize_win (claim_by) WHERE state = 'confirmed';

-- Every anti-abuse decision, with its rule and reason: blocked (no prize), flagged (held for
-- review), allowed (an allow-listed number a rule would have flagged).
CREATE TABLE abuse_decision (
    id           bigserial   PRIMARY KEY,
    campaign_id  text        NOT NULL,
    msisdn       text        NOT NULL,
    serial       text,
    rule         text        NOT NULL,          -- block | allow | velocity-sender | velocity-recipient | ring | burst
    action       text        NOT NULL,          -- blocked | flagged | allowed
    reason       text        NOT NULL,
    at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX abuse_decision_campaign ON abuse_decision (campaign_id, id);

-- Flagged wins waiting for an operator: approved (or the hold ends) -> confirmed and notified;
-- rejected -> the prize goes back to stock (a draw's next alternate takes the place).
CREATE TABLE prize_review (
    id               bigserial   PRIMARY KEY,
    campaign_id      text        NOT NULL,
    win_id           bigint      NOT NULL UNIQUE REFERENCES prize_win (id),
    rule             text        NOT NULL,
    reason           text        NOT NULL,
    state            text        NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected')),
    flagged_at       timestamptz NOT NULL DEFAULT now(),
    hold_until       timestamptz NOT NULL,
    decided_by       text,
    decision_reason  text,
    decided_at       timestamptz
);
CREATE INDEX prize_review_due ON prize_review (hold_until) WHERE state = 'pending';
CREATE INDEX prize_review_campaign ON prize_review (campaign_id, id);
