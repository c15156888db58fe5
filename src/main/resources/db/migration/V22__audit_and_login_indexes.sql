-- The audit log is the largest table, read newest first (occurred_at DESC, id DESC). Each filter the list offers
-- alone needs an index that starts with it and continues with occurred_at, so that the page is read in order from
-- the index and the scan stops after one page (InnoDB appends the primary key, id, to every secondary index).
-- The user (actor) and the record (entity type and id) have theirs since V2; the kind of record alone and the action
-- alone had none: "every Student entry" sorted all of them, "every failed sign-in" read the whole table.
-- Combinations start from one of these and filter the rest while reading in order.
CREATE INDEX ix_audit_log_type_time ON audit_log (entity_type, occurred_at);
CREATE INDEX ix_audit_log_action_time ON audit_log (action, occurred_at);

-- Sign-in compares usernames with "=" and relies on the column ignoring case (and accents), as the unique index
-- already does. V2 left the collation to the server's default (utf8mb4_uca1400_ai_ci for the embedded server and
-- compose.yaml); an external database with another default could make sign-in case-sensitive. Pinned here.
ALTER TABLE app_user
    MODIFY username VARCHAR(100) CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_ai_ci NOT NULL;
