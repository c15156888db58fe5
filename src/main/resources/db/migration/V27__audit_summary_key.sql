-- An audit line's summary as a message of the bundles, so that each reader reads it in their own language: the key
-- (audit.…) and its arguments, a JSON array of strings (an argument "#key" is a message key, translated too). The
-- summary column keeps the English rendering made at write time, so that search and exports read every row alike;
-- rows written before this version have no key and are shown by that summary alone.
ALTER TABLE audit_log
    ADD COLUMN summary_key  VARCHAR(120) NULL AFTER summary,
    ADD COLUMN summary_args TEXT         NULL AFTER summary_key;
