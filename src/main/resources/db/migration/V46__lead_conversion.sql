-- Converting a lead (admissions, decision 0079): one action makes the lead's child a student (in the family the
-- duplicate check found, or a new one with the guardian), enrolls them in a class or puts them on its waiting list,
-- or records the lesson package chosen for the finance office to sell. The lead keeps the student it became;
-- students, families, classes and enrollments belong to other modules and are referred to by id.
ALTER TABLE admission_lead
    ADD COLUMN student_id   BIGINT,
    ADD COLUMN converted_at DATETIME(6);

CREATE INDEX ix_lead_student ON admission_lead (student_id);

CREATE TABLE lead_conversion (
    id                BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    lead_id           BIGINT        NOT NULL,
    campus_id         BIGINT        NOT NULL,
    student_id        BIGINT        NOT NULL,
    family_id         BIGINT        NOT NULL,
    family_created    BOOLEAN       NOT NULL,
    class_id          BIGINT,
    enrollment_id     BIGINT,
    waiting           BOOLEAN       NOT NULL DEFAULT FALSE,
    package_course_id BIGINT,
    package_unit      VARCHAR(10),
    package_quantity  DECIMAL(6,2),
    source_id         BIGINT        NOT NULL,
    campaign_id       BIGINT,
    owner_id          BIGINT,
    converted_at      DATETIME(6)   NOT NULL,
    converted_by      VARCHAR(100)  NOT NULL,
    CONSTRAINT uq_lead_conversion_lead UNIQUE (lead_id),
    CONSTRAINT ck_lead_conversion_package CHECK ((package_course_id IS NULL) = (package_quantity IS NULL)
        AND (package_course_id IS NULL) = (package_unit IS NULL)),
    INDEX ix_lead_conversion_when (campus_id, converted_at),
    CONSTRAINT fk_lead_conversion_lead FOREIGN KEY (lead_id) REFERENCES admission_lead (id),
    CONSTRAINT fk_lead_conversion_campus FOREIGN KEY (campus_id) REFERENCES campus (id),
    CONSTRAINT fk_lead_conversion_source FOREIGN KEY (source_id) REFERENCES lead_source (id),
    CONSTRAINT fk_lead_conversion_campaign FOREIGN KEY (campaign_id) REFERENCES lead_campaign (id),
    CONSTRAINT fk_lead_conversion_owner FOREIGN KEY (owner_id) REFERENCES app_user (id)
) ENGINE = InnoDB;
