-- The language letters, receipts and e-mails to a family are written in (a BCP 47 tag such as en or zh-CN);
-- NULL follows the institution's locale.
ALTER TABLE family ADD COLUMN preferred_language VARCHAR(20) NULL AFTER address;
