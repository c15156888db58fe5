-- The kanban board of a campus: one grouped count per stage of its leads not merged away (with the board's filters).
-- With this index the count reads the index alone, with no row look-up per lead (100,000 of them at a large
-- school); a column's page of cards is read in the order of its next action by this index or by
-- ix_lead_campus_stage (V37), without a sort, the id that InnoDB appends to a secondary index breaking ties.
CREATE INDEX ix_lead_board ON admission_lead (campus_id, merged_into_id, stage, next_action_on);
