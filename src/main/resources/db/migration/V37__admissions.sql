-- Admissions: enrollment leads (inquiries), where they come from (sources, campaigns), their stage and owner, their
-- history and their follow-ups. Students, families, courses and classes belong to other modules: referred to by id.

-- Where leads come from: a short editable list. The built-in ones carry a message key (shown in the reader's
-- language) and no name; a school's own have a name and no key.
CREATE TABLE lead_source (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    label_key  VARCHAR(80),
    name       VARCHAR(100),
    active     BOOLEAN      NOT NULL DEFAULT TRUE,
    sort_order INT          NOT NULL DEFAULT 0,
    version    BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT ck_lead_source_label CHECK (label_key IS NOT NULL OR name IS NOT NULL),
    CONSTRAINT uq_lead_source_key UNIQUE (label_key),
    CONSTRAINT uq_lead_source_name UNIQUE (name)
) ENGINE = InnoDB;

INSERT INTO lead_source (label_key, sort_order) VALUES
    ('lead.source.walk-in', 10), ('lead.source.phone', 20), ('lead.source.website', 30),
    ('lead.source.referral', 40), ('lead.source.ad', 50), ('lead.source.fair', 60);

-- Why a lead was lost: the same kind of list.
CREATE TABLE lead_lost_reason (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    label_key  VARCHAR(80),
    name       VARCHAR(100),
    active     BOOLEAN      NOT NULL DEFAULT TRUE,
    sort_order INT          NOT NULL DEFAULT 0,
    version    BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT ck_lead_lost_reason_label CHECK (label_key IS NOT NULL OR name IS NOT NULL),
    CONSTRAINT uq_lead_lost_reason_key UNIQUE (label_key),
    CONSTRAINT uq_lead_lost_reason_name UNIQUE (name)
) ENGINE = InnoDB;

INSERT INTO lead_lost_reason (label_key, sort_order) VALUES
    ('lead.lost.price', 10), ('lead.lost.schedule', 20), ('lead.lost.location', 30),
    ('lead.lost.competitor', 40), ('lead.lost.no-answer', 50), ('lead.lost.not-interested', 60);

-- A campaign: what was spent, where and when, so that cost per enrollment by channel can be reported.
CREATE TABLE lead_campaign (
    id         BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name       VARCHAR(120)  NOT NULL,
    source_id  BIGINT        NOT NULL,
    starts_on  DATE          NOT NULL,
    ends_on    DATE          NOT NULL,
    cost       DECIMAL(19,2) NOT NULL,
    version    BIGINT        NOT NULL DEFAULT 0,
    created_at DATETIME(6)   NOT NULL,
    created_by VARCHAR(100),
    CONSTRAINT uq_lead_campaign_name UNIQUE (name),
    CONSTRAINT ck_lead_campaign_period CHECK (ends_on >= starts_on),
    CONSTRAINT ck_lead_campaign_cost CHECK (cost >= 0),
    CONSTRAINT fk_lead_campaign_source FOREIGN KEY (source_id) REFERENCES lead_source (id)
) ENGINE = InnoDB;

-- A lead: a child someone asked about, the guardian who asked, how to reach them, what they want. owner_id NULL is
-- the campus's pool. next_action_on NULL with an open stage is "no next step": such a lead is on someone's
-- dashboard until it has one. Phones are E.164, e-mails lower case: duplicates are found by equality.
CREATE TABLE admission_lead (
    id                  BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    campus_id           BIGINT        NOT NULL,
    child_name          VARCHAR(120)  NOT NULL,
    guardian_name       VARCHAR(120),
    phone               VARCHAR(20),
    email               VARCHAR(254),
    course_id           BIGINT,
    preferred_times     VARCHAR(200),
    message             VARCHAR(2000),
    source_id           BIGINT        NOT NULL,
    campaign_id         BIGINT,
    referring_family_id BIGINT,
    family_id           BIGINT,
    stage               VARCHAR(20)   NOT NULL,
    lost_reason_id      BIGINT,
    owner_id            BIGINT,
    next_action         VARCHAR(20),
    next_action_on      DATE,
    consent_text        VARCHAR(1000),
    consent_at          DATETIME(6),
    merged_into_id      BIGINT,
    request_id          VARCHAR(80),
    version             BIGINT        NOT NULL DEFAULT 0,
    created_at          DATETIME(6)   NOT NULL,
    created_by          VARCHAR(100),
    updated_at          DATETIME(6)   NOT NULL,
    updated_by          VARCHAR(100),
    first_contact_at    DATETIME(6),
    CONSTRAINT ck_lead_stage CHECK (stage IN ('NEW', 'CONTACTED', 'TRIAL_BOOKED', 'TRIAL_ATTENDED', 'ENROLLED',
        'LOST')),
    CONSTRAINT ck_lead_lost CHECK ((stage = 'LOST') = (lost_reason_id IS NOT NULL)),
    CONSTRAINT ck_lead_next_action CHECK (next_action IS NULL
        OR next_action IN ('CALL', 'MESSAGE', 'MEETING', 'TRIAL', 'OTHER')),
    CONSTRAINT uq_lead_request UNIQUE (request_id),
    INDEX ix_lead_campus_stage (campus_id, stage, next_action_on),
    INDEX ix_lead_owner (owner_id, stage, next_action_on),
    INDEX ix_lead_phone (phone),
    INDEX ix_lead_email (email),
    INDEX ix_lead_created (campus_id, created_at),
    CONSTRAINT fk_lead_campus FOREIGN KEY (campus_id) REFERENCES campus (id),
    CONSTRAINT fk_lead_owner FOREIGN KEY (owner_id) REFERENCES app_user (id),
    CONSTRAINT fk_lead_source FOREIGN KEY (source_id) REFERENCES lead_source (id),
    CONSTRAINT fk_lead_campaign FOREIGN KEY (campaign_id) REFERENCES lead_campaign (id),
    CONSTRAINT fk_lead_lost_reason FOREIGN KEY (lost_reason_id) REFERENCES lead_lost_reason (id),
    CONSTRAINT fk_lead_merged_into FOREIGN KEY (merged_into_id) REFERENCES admission_lead (id)
) ENGINE = InnoDB;

-- What happened to a lead, newest last: created, stage changes, owner changes, merges. Append only.
CREATE TABLE lead_event (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    lead_id    BIGINT       NOT NULL,
    kind       VARCHAR(20)  NOT NULL,
    before_value VARCHAR(100),
    after_value  VARCHAR(100),
    detail     VARCHAR(500),
    occurred_at DATETIME(6) NOT NULL,
    actor      VARCHAR(100),
    INDEX ix_lead_event_lead (lead_id, id),
    CONSTRAINT fk_lead_event_lead FOREIGN KEY (lead_id) REFERENCES admission_lead (id)
) ENGINE = InnoDB;

-- A call, message, meeting or note about a lead, with its outcome and the next action it set (or the reason the
-- lead was closed instead).
CREATE TABLE lead_follow_up (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    lead_id        BIGINT        NOT NULL,
    kind           VARCHAR(20)   NOT NULL,
    outcome        VARCHAR(2000) NOT NULL,
    happened_at    DATETIME(6)   NOT NULL,
    next_action    VARCHAR(20),
    next_action_on DATE,
    by_user_id     BIGINT,
    created_at     DATETIME(6)   NOT NULL,
    created_by     VARCHAR(100),
    CONSTRAINT ck_lead_follow_up_kind CHECK (kind IN ('CALL', 'MESSAGE', 'MEETING', 'NOTE')),
    INDEX ix_lead_follow_up_lead (lead_id, happened_at),
    CONSTRAINT fk_lead_follow_up_lead FOREIGN KEY (lead_id) REFERENCES admission_lead (id),
    CONSTRAINT fk_lead_follow_up_user FOREIGN KEY (by_user_id) REFERENCES app_user (id)
) ENGINE = InnoDB;
