-- Admissions settings: the editable lists and campaigns say who changed them last and when, so that a stale edit
-- can name them (decision 0071); campaigns are listed newest first and picked by source and date.
ALTER TABLE lead_source
    ADD COLUMN updated_at DATETIME(6),
    ADD COLUMN updated_by VARCHAR(100);

ALTER TABLE lead_lost_reason
    ADD COLUMN updated_at DATETIME(6),
    ADD COLUMN updated_by VARCHAR(100);

ALTER TABLE lead_campaign
    ADD COLUMN updated_at DATETIME(6),
    ADD COLUMN updated_by VARCHAR(100),
    ADD INDEX ix_lead_campaign_starts (starts_on, id),
    ADD INDEX ix_lead_campaign_source_period (source_id, ends_on, starts_on);
