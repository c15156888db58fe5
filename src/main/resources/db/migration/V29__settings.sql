-- Typed settings (decision 0061): an override of a declared setting for the institution (campus_id NULL) or for one
-- campus. A row whose value is NULL is back on the default; it stays, so its version still guards a stale edit.
-- MariaDB treats NULLs as distinct in a unique key: campus_slot (0 for the institution) keeps one row per key.
CREATE TABLE setting_value (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    setting_key  VARCHAR(100) NOT NULL,
    campus_id    BIGINT,
    campus_slot  BIGINT       AS (COALESCE(campus_id, 0)) STORED,
    value        VARCHAR(1000),
    version      BIGINT       NOT NULL DEFAULT 0,
    created_at   DATETIME(6)  NOT NULL,
    created_by   VARCHAR(100),
    updated_at   DATETIME(6)  NOT NULL,
    updated_by   VARCHAR(100),
    CONSTRAINT uk_setting_value_key_campus UNIQUE (setting_key, campus_slot),
    CONSTRAINT fk_setting_value_campus FOREIGN KEY (campus_id) REFERENCES campus (id)
) ENGINE = InnoDB;
