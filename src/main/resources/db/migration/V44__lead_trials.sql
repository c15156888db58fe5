-- Trial lessons (试听, decision 0077): a lead's child booked as a guest into a scheduled session, a seat of that
-- session's roster. The session, its class and course are scheduling's: referred to by id, never by a foreign key
-- (decision 0053). Its times and class are copied here, kept current by scheduling's events, so that the clash check,
-- the lead's list of trials and the roster's seats read this table alone.
CREATE TABLE lead_trial (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    lead_id       BIGINT       NOT NULL,
    campus_id     BIGINT       NOT NULL,
    session_id    BIGINT       NOT NULL,
    class_id      BIGINT       NOT NULL,
    course_id     BIGINT       NOT NULL,
    class_code    VARCHAR(40)  NOT NULL,
    class_name    VARCHAR(200) NOT NULL,
    starts_at     DATETIME(6)  NOT NULL,
    ends_at       DATETIME(6)  NOT NULL,
    -- BOOKED, ATTENDED, NO_SHOW, CANCELLED
    status        VARCHAR(20)  NOT NULL,
    -- why a cancelled trial was: STAFF (admissions cancelled it), SESSION (the session was cancelled or removed)
    cancelled_why VARCHAR(20),
    version       BIGINT       NOT NULL,
    created_at    DATETIME(6)  NOT NULL,
    created_by    VARCHAR(100) NOT NULL,
    updated_at    DATETIME(6)  NOT NULL,
    updated_by    VARCHAR(100) NOT NULL,
    -- a session's guests (its roster, its free seats, its events) and a lead's trials in time order
    INDEX ix_lead_trial_session (session_id, status),
    INDEX ix_lead_trial_lead (lead_id, starts_at),
    INDEX ix_lead_trial_class (class_id, starts_at),
    CONSTRAINT fk_lead_trial_lead FOREIGN KEY (lead_id) REFERENCES admission_lead (id),
    CONSTRAINT fk_lead_trial_campus FOREIGN KEY (campus_id) REFERENCES campus (id)
) ENGINE = InnoDB;
