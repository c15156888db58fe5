-- The institution (one row) and its campuses (校区). Timestamps are UTC.
CREATE TABLE institution (
    id          BIGINT       NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    currency    CHAR(3)      NOT NULL,
    time_zone   VARCHAR(64)  NOT NULL,
    locale      VARCHAR(35)  NOT NULL,
    address     VARCHAR(500) NOT NULL DEFAULT '',
    phone       VARCHAR(40)  NOT NULL DEFAULT '',
    email       VARCHAR(254) NOT NULL DEFAULT '',
    version     BIGINT       NOT NULL DEFAULT 0,
    created_at  DATETIME(6)  NOT NULL,
    created_by  VARCHAR(100),
    updated_at  DATETIME(6)  NOT NULL,
    updated_by  VARCHAR(100),
    CONSTRAINT ck_institution_single CHECK (id = 1)
) ENGINE = InnoDB;

INSERT INTO institution (id, name, currency, time_zone, locale, created_at, updated_at)
VALUES (1, 'Campus CRM', 'USD', 'UTC', 'en-US', UTC_TIMESTAMP(6), UTC_TIMESTAMP(6));

CREATE TABLE campus (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name        VARCHAR(120) NOT NULL,
    address     VARCHAR(500) NOT NULL DEFAULT '',
    phone       VARCHAR(40)  NOT NULL DEFAULT '',
    active      BOOLEAN      NOT NULL DEFAULT TRUE,
    version     BIGINT       NOT NULL DEFAULT 0,
    created_at  DATETIME(6)  NOT NULL,
    created_by  VARCHAR(100),
    updated_at  DATETIME(6)  NOT NULL,
    updated_by  VARCHAR(100),
    CONSTRAINT uk_campus_name UNIQUE (name)
) ENGINE = InnoDB;
