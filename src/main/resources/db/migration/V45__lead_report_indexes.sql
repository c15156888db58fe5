-- The pool activity report (decision 0078) reads the claims, releases and returns of a period from the leads'
-- history: with this index a range per kind and time, not a scan of every lead's every line (several per lead, half
-- a million at a large school).
CREATE INDEX ix_lead_event_kind_time ON lead_event (kind, occurred_at);
