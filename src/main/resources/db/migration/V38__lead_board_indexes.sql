-- The kanban board of a campus: one grouped count per stage, and a page of cards per stage in the order of their
-- next action. Both filter on the campus, leads not merged away and the stage; with this index the count reads the
-- index alone (no row look-ups at 100,000 leads) and a column's page is read in index order (no sort), the id that
-- InnoDB appends to a secondary index breaking ties.
CREATE INDEX ix_lead_board ON admission_lead (campus_id, merged_into_id, stage, next_action_on);
