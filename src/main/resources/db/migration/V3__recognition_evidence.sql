-- Why a submit was (or nearly was) recognised as a campaign's seed: campaign managers see the
-- signals behind every credit, and the near misses behind forwards that earned nothing.
ALTER TABLE submit ADD COLUMN confidence double precision NOT NULL DEFAULT 1.0;
ALTER TABLE submit ADD COLUMN evidence   jsonb            NOT NULL DEFAULT '[]';

-- Submits that were not recognised although a signal came close to a campaign's seed.
-- An unrecognised submit without such a signal leaves no row: it is not ours.
CREATE TABLE recognition_miss (
    message_id    text PRIMARY KEY,
    campaign_id   text        NOT NULL,         -- the campaign that came closest
    sender        text        NOT NULL,
    mmsc          text        NOT NULL,
    submitted_at  timestamptz NOT NULL,
    evidence      jsonb       NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX recognition_miss_sender ON recognition_miss (campaign_id, sender);
