-- Enrollment of students in classes, the waiting list, transfers (转班) and withdrawals. Students belong to the
-- students module: they are referred to by id only (no foreign key into another module's tables).

-- One row per stay of a student in a class (or on its waiting list). A transfer ends one row (TRANSFERRED, with
-- the row it continues in) and starts another; a withdrawal ends it (WITHDRAWN). Rows are never deleted.
CREATE TABLE class_enrollment (
    id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    class_id         BIGINT       NOT NULL,
    student_id       BIGINT       NOT NULL,
    status           VARCHAR(20)  NOT NULL,
    enrolled_on      DATE,
    waiting_position INT,
    withdrawn_on     DATE,
    transferred_to   BIGINT,
    transferred_from BIGINT,
    reason           VARCHAR(500),
    version          BIGINT       NOT NULL DEFAULT 0,
    created_at       DATETIME(6)  NOT NULL,
    created_by       VARCHAR(100),
    updated_at       DATETIME(6)  NOT NULL,
    updated_by       VARCHAR(100),
    CONSTRAINT ck_class_enrollment_status CHECK (status IN ('ENROLLED', 'WAITING', 'WITHDRAWN', 'TRANSFERRED')),
    INDEX ix_class_enrollment_class (class_id, status, waiting_position),
    INDEX ix_class_enrollment_student (student_id, status),
    CONSTRAINT fk_class_enrollment_class FOREIGN KEY (class_id) REFERENCES school_class (id),
    CONSTRAINT fk_class_enrollment_transferred_to FOREIGN KEY (transferred_to) REFERENCES class_enrollment (id),
    CONSTRAINT fk_class_enrollment_transferred_from FOREIGN KEY (transferred_from) REFERENCES class_enrollment (id)
) ENGINE = InnoDB;

-- What happened to enrollments, for the student's timeline: append only.
CREATE TABLE enrollment_event (
    id            BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
    enrollment_id BIGINT      NOT NULL,
    student_id    BIGINT      NOT NULL,
    class_id      BIGINT      NOT NULL,
    kind          VARCHAR(20) NOT NULL,
    effective_on  DATE        NOT NULL,
    other_class_id BIGINT,
    occurred_at   DATETIME(6) NOT NULL,
    actor         VARCHAR(100),
    INDEX ix_enrollment_event_student (student_id, occurred_at),
    CONSTRAINT fk_enrollment_event_enrollment FOREIGN KEY (enrollment_id) REFERENCES class_enrollment (id),
    CONSTRAINT fk_enrollment_event_class FOREIGN KEY (class_id) REFERENCES school_class (id)
) ENGINE = InnoDB;

-- The row schedule and enrollment changes lock, per student, before checking the student's sessions for overlaps.
CREATE TABLE enrollment_student_lock (
    student_id BIGINT NOT NULL PRIMARY KEY
) ENGINE = InnoDB;
