-- Names sort in each reader's language (docs/decisions/0058-name-sort-keys.md). MariaDB has no pinyin collation, so
-- the application stores ICU4J collation sort keys, compared as bytes: name_sort_en (English collation of the full
-- name), name_sort_zh (Chinese, pinyin order, of the Chinese name, else of the full name). Keys longer than the
-- column are cut, which keeps their order. '' means "not computed yet": the keys of existing rows are filled at the
-- next start (NameSortKeyBackfill), since ICU runs in the application, not here.
ALTER TABLE student
    ADD COLUMN name_sort_en VARBINARY(255) NOT NULL DEFAULT '' AFTER search_name,
    ADD COLUMN name_sort_zh VARBINARY(255) NOT NULL DEFAULT '' AFTER name_sort_en;

-- As for full_name since V10: the list by name alone, by status, by campus, each read in order from its index and
-- stopped after a page; id last for a stable order among equal keys (and for the backfill's "key = '' AND id > ?").
CREATE INDEX ix_student_name_sort_en ON student (name_sort_en, id);
CREATE INDEX ix_student_status_name_sort_en ON student (status, name_sort_en, id);
CREATE INDEX ix_student_campus_name_sort_en ON student (campus_id, name_sort_en, id);
CREATE INDEX ix_student_name_sort_zh ON student (name_sort_zh, id);
CREATE INDEX ix_student_status_name_sort_zh ON student (status, name_sort_zh, id);
CREATE INDEX ix_student_campus_name_sort_zh ON student (campus_id, name_sort_zh, id);
