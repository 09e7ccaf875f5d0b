-- Retention (issue 15, item 8): the purge finds uncorrelated delivery reports by when they came, and
-- a campaign's notices by campaign. On a large table the index takes longer than the statement timeout.
SET LOCAL statement_timeout = 0;
CREATE INDEX delivery_received ON delivery (received_at);
CREATE INDEX sms_outbox_campaign ON sms_outbox (campaign_id);
