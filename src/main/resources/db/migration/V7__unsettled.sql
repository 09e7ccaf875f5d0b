-- Unsettled rows (issue 5): claimed for an attempt (state 'sent', sent_at set by every claim) with
-- no outcome recorded. baton_outbox_unsettled counts them on each scrape and baton.mm7.resend-unsettled
-- claims them again; these indexes keep both off the rows that did settle.
CREATE INDEX sms_outbox_claimed ON sms_outbox (sent_at) WHERE state = 'sent';
CREATE INDEX seed_send_claimed_no_message_id ON seed_send (sent_at) WHERE state = 'sent' AND mm7_message_id IS NULL;
