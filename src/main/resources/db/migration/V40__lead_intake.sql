-- Leads from outside: the public inquiry form and the intake endpoint that the school's website and ad platforms
-- post to. Each caller of the endpoint holds a key of its own, tied to the source (and optionally the campus and
-- campaign) its leads come from. Only the key's SHA-256 is kept: a key is shown once, when it is made, and a lost
-- one is revoked and replaced, never recovered.
CREATE TABLE lead_intake_key (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name           VARCHAR(100) NOT NULL,
    key_prefix     VARCHAR(12)  NOT NULL,
    key_hash       CHAR(64)     NOT NULL,
    source_id      BIGINT       NOT NULL,
    campus_id      BIGINT,
    campaign_id    BIGINT,
    per_minute     INT          NOT NULL DEFAULT 60,
    created_at     DATETIME(6)  NOT NULL,
    created_by     VARCHAR(100),
    revoked_at     DATETIME(6),
    revoked_by     VARCHAR(100),
    last_used_at   DATETIME(6),
    version        BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT uq_lead_intake_key_hash UNIQUE (key_hash),
    CONSTRAINT uq_lead_intake_key_name UNIQUE (name),
    CONSTRAINT ck_lead_intake_key_rate CHECK (per_minute BETWEEN 1 AND 6000),
    CONSTRAINT fk_lead_intake_key_source FOREIGN KEY (source_id) REFERENCES lead_source (id),
    CONSTRAINT fk_lead_intake_key_campus FOREIGN KEY (campus_id) REFERENCES campus (id),
    CONSTRAINT fk_lead_intake_key_campaign FOREIGN KEY (campaign_id) REFERENCES lead_campaign (id)
) ENGINE = InnoDB;

-- The guardian's language, as they wrote to us in it (the form's language, or the endpoint's "language"): the
-- confirmation and later messages use it. NULL: the institution's.
ALTER TABLE admission_lead ADD COLUMN language VARCHAR(10);
-- Where the lead came in through: STAFF (entered), FORM (the public page), API (an intake key), IMPORT (a file).
ALTER TABLE admission_lead ADD COLUMN channel VARCHAR(10) NOT NULL DEFAULT 'STAFF';
ALTER TABLE admission_lead ADD COLUMN intake_key_id BIGINT;
ALTER TABLE admission_lead ADD CONSTRAINT ck_lead_channel CHECK (channel IN ('STAFF', 'FORM', 'API', 'IMPORT'));
ALTER TABLE admission_lead ADD CONSTRAINT fk_lead_intake_key FOREIGN KEY (intake_key_id)
    REFERENCES lead_intake_key (id);
