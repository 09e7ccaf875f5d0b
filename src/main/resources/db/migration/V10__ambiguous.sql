-- Forwards refused because two campaigns' seeds matched them equally (issue 15, item 2): kept with
-- the near misses, with the campaigns tied, so managers see them and the stats count them.
ALTER TABLE recognition_miss ADD COLUMN reason text NOT NULL DEFAULT 'near-miss';  -- near-miss | ambiguous
ALTER TABLE recognition_miss ADD COLUMN ambiguous_with text[];                      -- the other campaigns tied
CREATE INDEX recognition_miss_ambiguous ON recognition_miss (campaign_id) WHERE reason = 'ambiguous';
