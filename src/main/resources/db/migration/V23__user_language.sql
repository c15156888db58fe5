-- The language a user reads the product in (a BCP 47 tag such as en or zh-CN); NULL follows the institution's locale.
ALTER TABLE app_user ADD COLUMN language VARCHAR(20) NULL AFTER email;
