-- Draws (issue 16, ARCHITECTURE 3.6). Closing freezes the pool (its text, size and Merkle root) and
-- makes the draw's Ed25519 key; the seed, entered once after the close, gives the receipt.
CREATE TABLE prize_pool_key (
    campaign_id  text  PRIMARY KEY,
    pool_key     bytea NOT NULL                 -- HMAC-SHA256 key of the pool's owners
);

CREATE TABLE prize_draw (
    campaign_id  text        NOT NULL,
    draw_id      text        NOT NULL,
    tier_id      text        NOT NULL,
    cutoff       timestamptz NOT NULL,
    pool         text        NOT NULL,          -- the published pool, lines joined by \n
    pool_size    integer     NOT NULL,
    pool_root    text        NOT NULL,
    public_key   text        NOT NULL,
    private_key  text        NOT NULL,          -- never leaves the database except to sign the receipt
    closed_at    timestamptz NOT NULL DEFAULT now(),
    closed_by    text        NOT NULL,
    seed         text,
    source       text,
    receipt      text,                          -- the receipt as published (JSON)
    drawn_at     timestamptz,
    drawn_by     text,
    PRIMARY KEY (campaign_id, draw_id)
);

-- Who did what, for GET /api/v1/admin/audit.
CREATE TABLE admin_audit (
    id           bigserial   PRIMARY KEY,
    campaign_id  text,
    actor        text        NOT NULL,
    action       text        NOT NULL,
    subject      text,
    detail       text,
    at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX admin_audit_campaign ON admin_audit (campaign_id, id);
