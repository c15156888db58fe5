-- Users, their roles and campuses, and the audit log (append only).
CREATE TABLE app_user (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    username            VARCHAR(100) NOT NULL,
    display_name        VARCHAR(200) NOT NULL,
    email               VARCHAR(254) NOT NULL DEFAULT '',
    password_hash       VARCHAR(255) NOT NULL,
    enabled             BOOLEAN      NOT NULL DEFAULT TRUE,
    failed_logins       INT          NOT NULL DEFAULT 0,
    locked_until        DATETIME(6),
    last_login_at       DATETIME(6),
    password_changed_at DATETIME(6),
    version             BIGINT       NOT NULL DEFAULT 0,
    created_at          DATETIME(6)  NOT NULL,
    created_by          VARCHAR(100),
    updated_at          DATETIME(6)  NOT NULL,
    updated_by          VARCHAR(100),
    CONSTRAINT uk_app_user_username UNIQUE (username),
    INDEX ix_app_user_display_name (display_name)
) ENGINE = InnoDB;

CREATE TABLE app_user_role (
    user_id BIGINT      NOT NULL,
    role    VARCHAR(20) NOT NULL,
    PRIMARY KEY (user_id, role),
    INDEX ix_app_user_role_role (role),
    CONSTRAINT fk_app_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE = InnoDB;

CREATE TABLE app_user_campus (
    user_id   BIGINT NOT NULL,
    campus_id BIGINT NOT NULL,
    PRIMARY KEY (user_id, campus_id),
    CONSTRAINT fk_app_user_campus_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_app_user_campus_campus FOREIGN KEY (campus_id) REFERENCES campus (id)
) ENGINE = InnoDB;

CREATE TABLE audit_log (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    occurred_at DATETIME(6)  NOT NULL,
    actor       VARCHAR(100) NOT NULL,
    action      VARCHAR(30)  NOT NULL,
    entity_type VARCHAR(60)  NOT NULL,
    entity_id   VARCHAR(64),
    summary     VARCHAR(500) NOT NULL,
    details     TEXT,
    INDEX ix_audit_log_occurred (occurred_at),
    INDEX ix_audit_log_actor (actor, occurred_at),
    INDEX ix_audit_log_entity (entity_type, entity_id, occurred_at)
) ENGINE = InnoDB;
