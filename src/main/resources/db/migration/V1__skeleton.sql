-- Baton schema, first version. PostgreSQL is the source of truth; every exactly-once effect
-- rests on a unique key here, not on hopes.

CREATE TABLE campaign (
    id          text PRIMARY KEY,
    yaml        text        NOT NULL,
    source      text        NOT NULL,           -- 'file:<path>' or 'api'
    version     integer     NOT NULL DEFAULT 1,
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- Recognised submits (an unrecognised submit leaves no row: it is not ours).
CREATE TABLE submit (
    message_id     text PRIMARY KEY,
    campaign_id    text        NOT NULL,
    sender         text        NOT NULL,
    mmsc           text        NOT NULL,
    submitted_at   timestamptz NOT NULL,
    recognised_by  text        NOT NULL,
    received_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX submit_campaign_sender ON submit (campaign_id, sender);

CREATE TABLE submit_recipient (
    message_id  text NOT NULL REFERENCES submit (message_id),
    recipient   text NOT NULL,
    PRIMARY KEY (message_id, recipient)
);

-- Every delivery status we hear of, recognised or not yet: a report may come before its submit.
CREATE TABLE delivery (
    message_id    text        NOT NULL,
    recipient     text        NOT NULL,
    status        text        NOT NULL,
    mmsc          text        NOT NULL,
    delivered_at  timestamptz NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (message_id, recipient, status)
);

-- Credited forwards: the relay graph (sender passed the torch to recipient at depth).
CREATE TABLE forward (
    id           bigserial PRIMARY KEY,
    campaign_id  text        NOT NULL,
    message_id   text        NOT NULL,
    sender       text        NOT NULL,
    recipient    text        NOT NULL,
    region       text        NOT NULL,
    depth        integer     NOT NULL,
    credit_day   date        NOT NULL,          -- in the campaign's time zone
    submitted_at timestamptz NOT NULL,
    credited_at  timestamptz NOT NULL,
    UNIQUE (message_id, recipient)
);
CREATE INDEX forward_pair ON forward (campaign_id, sender, recipient);
CREATE INDEX forward_sender_day ON forward (campaign_id, sender, credit_day);
CREATE INDEX forward_recipient ON forward (campaign_id, recipient);

-- Forwards that were looked at and not credited, with the reason (campaign managers see why).
CREATE TABLE credit_rejection (
    message_id   text        NOT NULL,
    recipient    text        NOT NULL,
    campaign_id  text        NOT NULL,
    sender       text        NOT NULL,
    reason       text        NOT NULL,
    decided_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (message_id, recipient)
);
CREATE INDEX credit_rejection_campaign ON credit_rejection (campaign_id, reason);

CREATE TABLE serial_counter (
    campaign_id  text PRIMARY KEY,
    last_value   bigint NOT NULL
);

CREATE TABLE serial (
    serial       text PRIMARY KEY,
    campaign_id  text        NOT NULL,
    sequence     bigint      NOT NULL,
    forward_id   bigint      NOT NULL UNIQUE REFERENCES forward (id),
    msisdn       text        NOT NULL,
    issued_at    timestamptz NOT NULL DEFAULT now(),
    UNIQUE (campaign_id, sequence)
);
CREATE INDEX serial_msisdn ON serial (campaign_id, msisdn);

-- Transactional outboxes: written in the transaction that decides, relayed to Kafka after commit.
CREATE TABLE sms_outbox (
    id           bigserial PRIMARY KEY,
    campaign_id  text,
    to_msisdn    text        NOT NULL,
    from_address text        NOT NULL,
    text         text        NOT NULL,
    kind         text        NOT NULL,          -- serial | help
    serial       text UNIQUE REFERENCES serial (serial),
    state        text        NOT NULL DEFAULT 'queued',
    created_at   timestamptz NOT NULL DEFAULT now(),
    relayed_at   timestamptz,
    sent_at      timestamptz
);
CREATE INDEX sms_outbox_unrelayed ON sms_outbox (id) WHERE relayed_at IS NULL;
CREATE INDEX sms_outbox_to ON sms_outbox (to_msisdn, id DESC);

-- Seeds sent by the platform (keyword requests, targeted sends); one per subscriber per day.
CREATE TABLE seed_send (
    id           bigserial PRIMARY KEY,
    campaign_id  text        NOT NULL,
    msisdn       text        NOT NULL,
    send_day     date        NOT NULL,
    reason       text        NOT NULL,          -- keyword | target
    state        text        NOT NULL DEFAULT 'queued',
    created_at   timestamptz NOT NULL DEFAULT now(),
    relayed_at   timestamptz,
    sent_at      timestamptz,
    UNIQUE (campaign_id, msisdn, send_day)
);
CREATE INDEX seed_send_unrelayed ON seed_send (id) WHERE relayed_at IS NULL;
