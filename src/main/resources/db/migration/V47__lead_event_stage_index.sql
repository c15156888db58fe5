-- The lead funnel (report and dashboard card, decision 0078) joins each lead of a period with its stage lines: with
-- this index the join reads the index alone (lead, kind and both values), not each line's row. Measured on 100,000
-- leads and 437,000 lines: the six months' funnel from 1.35 s to 0.73 s.
CREATE INDEX ix_lead_event_stage ON lead_event (lead_id, kind, after_value, before_value);
