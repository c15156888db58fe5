-- Scheduling: courses, terms with their closures, rooms, teachers and their availability, classes and their
-- sessions. Session times are kept twice: local wall-clock times in the institution's time zone (what people read)
-- and UTC instants (what the overlap checks compare).

CREATE TABLE course (
    id               BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code             VARCHAR(30)   NOT NULL,
    name             VARCHAR(200)  NOT NULL,
    subject          VARCHAR(100)  NOT NULL,
    level            VARCHAR(60)   NOT NULL DEFAULT '',
    session_minutes  INT           NOT NULL,
    lesson_price     DECIMAL(19,2) NOT NULL,
    active           BOOLEAN       NOT NULL DEFAULT TRUE,
    version          BIGINT        NOT NULL DEFAULT 0,
    created_at       DATETIME(6)   NOT NULL,
    created_by       VARCHAR(100),
    updated_at       DATETIME(6)   NOT NULL,
    updated_by       VARCHAR(100),
    CONSTRAINT uk_course_code UNIQUE (code),
    CONSTRAINT ck_course_session_minutes CHECK (session_minutes BETWEEN 5 AND 720),
    CONSTRAINT ck_course_lesson_price CHECK (lesson_price >= 0),
    INDEX ix_course_name (name),
    INDEX ix_course_subject (subject, level),
    INDEX ix_course_active (active, name)
) ENGINE = InnoDB;

CREATE TABLE term (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    name       VARCHAR(120) NOT NULL,
    starts_on  DATE         NOT NULL,
    ends_on    DATE         NOT NULL,
    version    BIGINT       NOT NULL DEFAULT 0,
    created_at DATETIME(6)  NOT NULL,
    created_by VARCHAR(100),
    updated_at DATETIME(6)  NOT NULL,
    updated_by VARCHAR(100),
    CONSTRAINT uk_term_name UNIQUE (name),
    CONSTRAINT ck_term_dates CHECK (ends_on >= starts_on),
    INDEX ix_term_starts (starts_on)
) ENGINE = InnoDB;

-- Public holidays and centre closures of a term: no session is generated on these dates.
CREATE TABLE term_closure (
    term_id   BIGINT       NOT NULL,
    name      VARCHAR(120) NOT NULL,
    kind      VARCHAR(20)  NOT NULL,
    starts_on DATE         NOT NULL,
    ends_on   DATE         NOT NULL,
    CONSTRAINT ck_term_closure_dates CHECK (ends_on >= starts_on),
    INDEX ix_term_closure_term (term_id, starts_on),
    CONSTRAINT fk_term_closure_term FOREIGN KEY (term_id) REFERENCES term (id) ON DELETE CASCADE
) ENGINE = InnoDB;

CREATE TABLE room (
    id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    campus_id  BIGINT       NOT NULL,
    name       VARCHAR(120) NOT NULL,
    capacity   INT          NOT NULL,
    active     BOOLEAN      NOT NULL DEFAULT TRUE,
    version    BIGINT       NOT NULL DEFAULT 0,
    created_at DATETIME(6)  NOT NULL,
    created_by VARCHAR(100),
    updated_at DATETIME(6)  NOT NULL,
    updated_by VARCHAR(100),
    CONSTRAINT uk_room_campus_name UNIQUE (campus_id, name),
    CONSTRAINT ck_room_capacity CHECK (capacity BETWEEN 1 AND 1000),
    INDEX ix_room_name (name),
    CONSTRAINT fk_room_campus FOREIGN KEY (campus_id) REFERENCES campus (id)
) ENGINE = InnoDB;

-- One row per teacher (a user with the TEACHER role): owns the weekly availability (optimistic locking) and is
-- the row that schedule changes lock, in user id order, before they check the teacher's sessions for overlaps.
CREATE TABLE teacher (
    user_id    BIGINT      NOT NULL PRIMARY KEY,
    version    BIGINT      NOT NULL DEFAULT 0,
    created_at DATETIME(6) NOT NULL,
    created_by VARCHAR(100),
    updated_at DATETIME(6) NOT NULL,
    updated_by VARCHAR(100),
    CONSTRAINT fk_teacher_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB;

CREATE TABLE teacher_availability (
    user_id    BIGINT  NOT NULL,
    weekday    INT     NOT NULL,
    start_time TIME    NOT NULL,
    end_time   TIME    NOT NULL,
    CONSTRAINT ck_teacher_availability_weekday CHECK (weekday BETWEEN 1 AND 7),
    CONSTRAINT ck_teacher_availability_times CHECK (end_time > start_time),
    INDEX ix_teacher_availability_user (user_id, weekday),
    CONSTRAINT fk_teacher_availability_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_teacher_availability_teacher FOREIGN KEY (user_id) REFERENCES teacher (user_id) ON DELETE CASCADE
) ENGINE = InnoDB;

-- A class (section) of a course in a term at a campus. The recurrence is kept as its parts (what the editor shows)
-- and as the RFC 5545 RRULE they make; its DTSTART is rec_from at rec_start_time, floating in the institution's zone.
CREATE TABLE school_class (
    id                   BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    code                 VARCHAR(40)  NOT NULL,
    name                 VARCHAR(200) NOT NULL,
    course_id            BIGINT       NOT NULL,
    term_id              BIGINT       NOT NULL,
    campus_id            BIGINT       NOT NULL,
    room_id              BIGINT       NOT NULL,
    capacity             INT          NOT NULL,
    waiting_list_enabled BOOLEAN      NOT NULL DEFAULT TRUE,
    status               VARCHAR(20)  NOT NULL,
    rec_weekdays         VARCHAR(30),
    rec_start_time       TIME,
    rec_end_time         TIME,
    rec_from             DATE,
    rec_to               DATE,
    rrule                VARCHAR(500),
    version              BIGINT       NOT NULL DEFAULT 0,
    created_at           DATETIME(6)  NOT NULL,
    created_by           VARCHAR(100),
    updated_at           DATETIME(6)  NOT NULL,
    updated_by           VARCHAR(100),
    CONSTRAINT uk_school_class_code UNIQUE (code),
    CONSTRAINT ck_school_class_capacity CHECK (capacity BETWEEN 1 AND 1000),
    INDEX ix_school_class_campus (campus_id, status, code),
    INDEX ix_school_class_term (term_id, code),
    INDEX ix_school_class_course (course_id, code),
    INDEX ix_school_class_room (room_id),
    INDEX ix_school_class_name (name),
    CONSTRAINT fk_school_class_course FOREIGN KEY (course_id) REFERENCES course (id),
    CONSTRAINT fk_school_class_term FOREIGN KEY (term_id) REFERENCES term (id),
    CONSTRAINT fk_school_class_campus FOREIGN KEY (campus_id) REFERENCES campus (id),
    CONSTRAINT fk_school_class_room FOREIGN KEY (room_id) REFERENCES room (id)
) ENGINE = InnoDB;

CREATE TABLE class_teacher (
    class_id BIGINT NOT NULL,
    user_id  BIGINT NOT NULL,
    PRIMARY KEY (class_id, user_id),
    INDEX ix_class_teacher_user (user_id, class_id),
    CONSTRAINT fk_class_teacher_class FOREIGN KEY (class_id) REFERENCES school_class (id) ON DELETE CASCADE,
    CONSTRAINT fk_class_teacher_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB;

-- One lesson of a class. occurrence_date is the recurrence date a GENERATED or MOVED session stands for, so that
-- regenerating does not bring back a date that was moved; ADDED sessions have none. held is set by attendance.
CREATE TABLE class_session (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    class_id        BIGINT       NOT NULL,
    session_date    DATE         NOT NULL,
    starts_local    DATETIME     NOT NULL,
    ends_local      DATETIME     NOT NULL,
    start_at        DATETIME(6)  NOT NULL,
    end_at          DATETIME(6)  NOT NULL,
    room_id         BIGINT       NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    cancel_reason   VARCHAR(500),
    origin          VARCHAR(20)  NOT NULL,
    occurrence_date DATE,
    held            BOOLEAN      NOT NULL DEFAULT FALSE,
    version         BIGINT       NOT NULL DEFAULT 0,
    created_at      DATETIME(6)  NOT NULL,
    created_by      VARCHAR(100),
    updated_at      DATETIME(6)  NOT NULL,
    updated_by      VARCHAR(100),
    CONSTRAINT ck_class_session_times CHECK (end_at > start_at),
    INDEX ix_class_session_class (class_id, start_at),
    INDEX ix_class_session_room (room_id, start_at),
    INDEX ix_class_session_start (start_at),
    CONSTRAINT fk_class_session_class FOREIGN KEY (class_id) REFERENCES school_class (id),
    CONSTRAINT fk_class_session_room FOREIGN KEY (room_id) REFERENCES room (id)
) ENGINE = InnoDB;

-- Who teaches a session, with the session's times and state copied in, so that "does this teacher already teach
-- at that time" is one range scan of ix_session_teacher_user. Kept in step with class_session by the service.
CREATE TABLE session_teacher (
    session_id BIGINT      NOT NULL,
    user_id    BIGINT      NOT NULL,
    class_id   BIGINT      NOT NULL,
    start_at   DATETIME(6) NOT NULL,
    end_at     DATETIME(6) NOT NULL,
    active     BOOLEAN     NOT NULL,
    PRIMARY KEY (session_id, user_id),
    INDEX ix_session_teacher_user (user_id, start_at),
    INDEX ix_session_teacher_class (class_id, start_at),
    CONSTRAINT fk_session_teacher_session FOREIGN KEY (session_id) REFERENCES class_session (id) ON DELETE CASCADE,
    CONSTRAINT fk_session_teacher_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB;
