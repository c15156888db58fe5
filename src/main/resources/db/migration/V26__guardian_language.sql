-- The language a guardian reads (a BCP 47 tag such as en or zh-CN): letters, receipts and e-mails addressed to
-- this guardian use it; NULL follows the family's preferred language, then the institution's locale.
ALTER TABLE guardian ADD COLUMN preferred_language VARCHAR(20) NULL AFTER email;
