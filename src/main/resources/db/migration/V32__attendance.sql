-- Attendance: a session's sheet and its marks with their history, lesson packages (课时包) and their append-only
-- consumption ledger (课消), leave (请假) and make-up seats (补课). Sessions, classes, courses and students belong to
-- other modules: they are referred to by id only, and what a report needs of them is copied in when written.

-- One per session whose attendance was taken. version guards the whole roster against a lost update; the copied
-- session facts let the alerts and reports read attendance without asking scheduling for every session; seats and
-- marked (at the last save) tell a partly taken roster from a taken one.
CREATE TABLE attendance_sheet (
    session_id     BIGINT      NOT NULL PRIMARY KEY,
    class_id       BIGINT      NOT NULL,
    course_id      BIGINT      NOT NULL,
    campus_id      BIGINT      NOT NULL,
    session_date   DATE        NOT NULL,
    start_at       DATETIME(6) NOT NULL,
    minutes        INT         NOT NULL,
    seats          INT         NOT NULL,
    marked         INT         NOT NULL,
    first_taken_at DATETIME(6) NOT NULL,
    first_taken_by VARCHAR(100),
    version        BIGINT      NOT NULL DEFAULT 0,
    updated_at     DATETIME(6) NOT NULL,
    updated_by     VARCHAR(100),
    INDEX ix_attendance_sheet_class (class_id, session_date),
    INDEX ix_attendance_sheet_date (session_date, campus_id),
    CONSTRAINT fk_attendance_sheet_campus FOREIGN KEY (campus_id) REFERENCES campus (id)
) ENGINE = InnoDB;

-- The current mark of each seat of a sheet. seat is the seat's stable key ("student:42", "trial:7"); student_id is
-- set for students (enrolled or make-up), so that a student's attendance is one range scan.
CREATE TABLE attendance_mark (
    session_id   BIGINT       NOT NULL,
    seat         VARCHAR(40)  NOT NULL,
    student_id   BIGINT,
    seat_kind    VARCHAR(20)  NOT NULL,
    status       VARCHAR(20)  NOT NULL,
    late_minutes INT,
    note         VARCHAR(500),
    class_id     BIGINT       NOT NULL,
    course_id    BIGINT       NOT NULL,
    session_date DATE         NOT NULL,
    marked_at    DATETIME(6)  NOT NULL,
    marked_by    VARCHAR(100),
    PRIMARY KEY (session_id, seat),
    CONSTRAINT ck_attendance_mark_status CHECK (status IN ('PRESENT', 'LATE', 'ABSENT', 'EXCUSED', 'LEFT_EARLY')),
    CONSTRAINT ck_attendance_mark_late CHECK (late_minutes IS NULL OR late_minutes BETWEEN 0 AND 600),
    INDEX ix_attendance_mark_student (student_id, session_date),
    INDEX ix_attendance_mark_class (class_id, session_date),
    CONSTRAINT fk_attendance_mark_sheet FOREIGN KEY (session_id) REFERENCES attendance_sheet (session_id)
) ENGINE = InnoDB;

-- Every change of a mark, the first one included (before_status empty): who, when, before and after. Append only.
CREATE TABLE attendance_change (
    id                  BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    session_id          BIGINT       NOT NULL,
    seat                VARCHAR(40)  NOT NULL,
    student_id          BIGINT,
    before_status       VARCHAR(20),
    before_late_minutes INT,
    before_note         VARCHAR(500),
    after_status        VARCHAR(20)  NOT NULL,
    after_late_minutes  INT,
    after_note          VARCHAR(500),
    correction          BOOLEAN      NOT NULL,
    changed_at          DATETIME(6)  NOT NULL,
    changed_by          VARCHAR(100),
    INDEX ix_attendance_change_session (session_id, id),
    INDEX ix_attendance_change_student (student_id, changed_at),
    CONSTRAINT fk_attendance_change_sheet FOREIGN KEY (session_id) REFERENCES attendance_sheet (session_id)
) ENGINE = InnoDB;

-- A student's lessons (or hours) of a course, bought or granted. consumed is the sum of the package's ledger rows,
-- kept in the same transaction (a check recomputes it); remaining = quantity - consumed, never below zero.
CREATE TABLE lesson_package (
    id             BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    student_id     BIGINT        NOT NULL,
    course_id      BIGINT        NOT NULL,
    campus_id      BIGINT,
    unit           VARCHAR(10)   NOT NULL,
    quantity       DECIMAL(9,2)  NOT NULL,
    purchase_value DECIMAL(19,2) NOT NULL,
    starts_on      DATE          NOT NULL,
    expires_on     DATE          NOT NULL,
    source         VARCHAR(20)   NOT NULL,
    source_ref     VARCHAR(100),
    status         VARCHAR(20)   NOT NULL,
    consumed       DECIMAL(9,2)  NOT NULL DEFAULT 0,
    frozen_from    DATE,
    frozen_until   DATE,
    expiry_warned  BOOLEAN       NOT NULL DEFAULT FALSE,
    note           VARCHAR(500),
    version        BIGINT        NOT NULL DEFAULT 0,
    created_at     DATETIME(6)   NOT NULL,
    created_by     VARCHAR(100),
    updated_at     DATETIME(6)   NOT NULL,
    updated_by     VARCHAR(100),
    CONSTRAINT ck_lesson_package_unit CHECK (unit IN ('LESSONS', 'HOURS')),
    CONSTRAINT ck_lesson_package_quantity CHECK (quantity > 0),
    CONSTRAINT ck_lesson_package_value CHECK (purchase_value >= 0),
    CONSTRAINT ck_lesson_package_consumed CHECK (consumed >= 0 AND consumed <= quantity),
    CONSTRAINT ck_lesson_package_dates CHECK (expires_on >= starts_on),
    CONSTRAINT ck_lesson_package_frozen CHECK (frozen_until IS NULL OR frozen_until >= frozen_from),
    CONSTRAINT ck_lesson_package_status CHECK (status IN ('ACTIVE', 'EXPIRED')),
    CONSTRAINT uk_lesson_package_source UNIQUE (source, source_ref),
    INDEX ix_lesson_package_student (student_id, course_id, expires_on),
    INDEX ix_lesson_package_expiry (status, expires_on),
    CONSTRAINT fk_lesson_package_campus FOREIGN KEY (campus_id) REFERENCES campus (id)
) ENGINE = InnoDB;

-- What happened to a package besides consumption: created, frozen, extended, expired, warned. Append only.
CREATE TABLE lesson_package_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    package_id  BIGINT       NOT NULL,
    kind        VARCHAR(20)  NOT NULL,
    from_date   DATE,
    to_date     DATE,
    note        VARCHAR(500),
    occurred_at DATETIME(6)  NOT NULL,
    actor       VARCHAR(100),
    INDEX ix_lesson_package_event_package (package_id, id),
    CONSTRAINT fk_lesson_package_event_package FOREIGN KEY (package_id) REFERENCES lesson_package (id)
) ENGINE = InnoDB;

-- The consumption ledger, append only: a lesson consumed from a package (CONSUMED), or owed when nothing was left
-- (OWED, no package), a reversal of either (REVERSED, pointing at the row it cancels, at most once), the remainder
-- forfeited at expiry (EXPIRED). quantity and value are signed: consumption positive, reversal negative.
CREATE TABLE lesson_consumption (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    package_id   BIGINT,
    student_id   BIGINT        NOT NULL,
    course_id    BIGINT        NOT NULL,
    session_id   BIGINT,
    seat         VARCHAR(40),
    session_date DATE,
    kind         VARCHAR(20)   NOT NULL,
    quantity     DECIMAL(9,2)  NOT NULL,
    value        DECIMAL(19,2) NOT NULL,
    reverses_id  BIGINT,
    occurred_at  DATETIME(6)   NOT NULL,
    actor        VARCHAR(100),
    CONSTRAINT ck_lesson_consumption_kind CHECK (kind IN ('CONSUMED', 'OWED', 'REVERSED', 'EXPIRED')),
    CONSTRAINT uk_lesson_consumption_reverses UNIQUE (reverses_id),
    INDEX ix_lesson_consumption_package (package_id, id),
    INDEX ix_lesson_consumption_session (session_id, seat),
    INDEX ix_lesson_consumption_student (student_id, course_id, kind, id),
    INDEX ix_lesson_consumption_kind (kind, session_date),
    CONSTRAINT fk_lesson_consumption_package FOREIGN KEY (package_id) REFERENCES lesson_package (id),
    CONSTRAINT fk_lesson_consumption_reverses FOREIGN KEY (reverses_id) REFERENCES lesson_consumption (id)
) ENGINE = InnoDB;

-- A guardian's leave request for a student's future session (请假), entered by staff, and the make-up seat (补课) in
-- another session of the same course it may be given. A cancelled leave is kept with cancelled_at set.
CREATE TABLE attendance_leave (
    id                 BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    student_id         BIGINT       NOT NULL,
    session_id         BIGINT       NOT NULL,
    class_id           BIGINT       NOT NULL,
    course_id          BIGINT       NOT NULL,
    session_date       DATE         NOT NULL,
    reason             VARCHAR(500) NOT NULL,
    requested_by       VARCHAR(200),
    make_up_session_id BIGINT,
    make_up_class_id   BIGINT,
    make_up_date       DATE,
    cancelled_at       DATETIME(6),
    version            BIGINT       NOT NULL DEFAULT 0,
    created_at         DATETIME(6)  NOT NULL,
    created_by         VARCHAR(100),
    updated_at         DATETIME(6)  NOT NULL,
    updated_by         VARCHAR(100),
    INDEX ix_attendance_leave_session (session_id, student_id),
    INDEX ix_attendance_leave_make_up (make_up_session_id),
    INDEX ix_attendance_leave_student (student_id, session_date)
) ENGINE = InnoDB;

-- Per-course consumption policy; a course without a row follows the institution's settings.
CREATE TABLE course_consumption_policy (
    course_id          BIGINT      NOT NULL PRIMARY KEY,
    present_consumes   BOOLEAN     NOT NULL,
    late_consumes      BOOLEAN     NOT NULL,
    absent_consumes    BOOLEAN     NOT NULL,
    excused_consumes   BOOLEAN     NOT NULL,
    left_early_consumes BOOLEAN    NOT NULL,
    version            BIGINT      NOT NULL DEFAULT 0,
    updated_at         DATETIME(6) NOT NULL,
    updated_by         VARCHAR(100)
) ENGINE = InnoDB;
