-- Prizes (issue 16). Stock and budget are guarded here, not in Java: a win takes one unit with a
-- conditional UPDATE in the transaction of the credit that earns it, and the CHECKs below make an
-- overspend impossible even for a bug.

-- What is left of each tier. Synchronised from the campaign YAML when a campaign is loaded.
CREATE TABLE prize_stock (
    campaign_id  text    NOT NULL,
    tier_id      text    NOT NULL,
    unit_cost    bigint  NOT NULL CHECK (unit_cost >= 0),
    quantity     integer NOT NULL CHECK (quantity >= 0),
    given        integer NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, tier_id),
    CHECK (given >= 0 AND given <= quantity)
);

CREATE TABLE prize_budget (
    campaign_id  text   PRIMARY KEY,
    budget       bigint NOT NULL CHECK (budget >= 0),
    spent        bigint NOT NULL DEFAULT 0,
    CHECK (spent >= 0 AND spent <= budget)
);

-- Prizes per subscriber, for maxPrizesPerSubscriber (kept with a conditional UPDATE like stock).
CREATE TABLE prize_holder (
    campaign_id  text    NOT NULL,
    msisdn       text    NOT NULL,
    wins         integer NOT NULL CHECK (wins >= 0),
    PRIMARY KEY (campaign_id, msisdn)
);

-- Pacing: a tier's instant quota for one day (campaign time zone) and region, fixed when the day's
-- first credit is decided; given never passes planned.
CREATE TABLE prize_pacing (
    campaign_id  text    NOT NULL,
    tier_id      text    NOT NULL,
    day          date    NOT NULL,
    region       text    NOT NULL,
    planned      integer NOT NULL CHECK (planned >= 0),
    given        integer NOT NULL DEFAULT 0,
    PRIMARY KEY (campaign_id, tier_id, day, region),
    CHECK (given >= 0 AND given <= planned)
);

-- Every prize given: instant, milestone or draw, with its state (held, confirmed, claimed,
-- forfeited, rejected) and claim code (claimed from the winner's own number, so it need not be
-- unique). One prize per serial at most (UNIQUE), so a redelivered credit can never win twice.
CREATE TABLE prize_win (
    id           bigserial   PRIMARY KEY,
    campaign_id  text        NOT NULL,
    tier_id      text        NOT NULL,
    kind         text        NOT NULL,          -- instant | milestone | draw
    rule         text        NOT NULL,          -- e.g. instant:topup-50, every-10th, draw:week-1
    serial       text        NOT NULL UNIQUE REFERENCES serial (serial),
    msisdn       text        NOT NULL,
    region       text        NOT NULL,
    day          date        NOT NULL,
    unit_cost    bigint      NOT NULL,
    state        text        NOT NULL,
    claim_code   text        NOT NULL,
    claim_by     timestamptz NOT NULL,          -- event time + claim deadline
    won_at       timestamptz NOT NULL,          -- the credit's event time
    decided_at   timestamptz NOT NULL DEFAULT now(),
    claimed_at   timestamptz
);
CREATE INDEX prize_win_msisdn ON prize_win (campaign_id, msisdn);
CREATE INDEX prize_win_campaign_day ON prize_win (campaign_id, day, region);
