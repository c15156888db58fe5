-- Students, their families and guardians, tags, notes, documents, their history (timeline) and the search index.
-- Names sort with the accent- and case-insensitive collation; normalised search columns compare bytes (utf8mb4_bin),
-- because the application normalises them (accents stripped, lower-case) before they are written or queried.

-- Human-friendly numbers (S000123, F000045): never reused. NOCACHE so that a restart does not skip a thousand.
CREATE SEQUENCE student_number_seq START WITH 1 INCREMENT BY 1 MINVALUE 1 NOCACHE NOCYCLE;
CREATE SEQUENCE family_number_seq START WITH 1 INCREMENT BY 1 MINVALUE 1 NOCACHE NOCYCLE;

-- The paying unit: siblings share one family; a guardian belongs to exactly one.
CREATE TABLE family (
    id            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    family_number VARCHAR(20)  NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    address       VARCHAR(500) NOT NULL DEFAULT '',
    version       BIGINT       NOT NULL DEFAULT 0,
    created_at    DATETIME(6)  NOT NULL,
    created_by    VARCHAR(100),
    updated_at    DATETIME(6)  NOT NULL,
    updated_by    VARCHAR(100),
    CONSTRAINT uk_family_number UNIQUE (family_number),
    INDEX ix_family_display_name (display_name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- phone is E.164 (+6591234567); phone_rev its digits reversed, so "ends with" becomes an indexed prefix search.
CREATE TABLE guardian (
    id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    family_id       BIGINT       NOT NULL,
    full_name       VARCHAR(200) NOT NULL,
    relationship    VARCHAR(20)  NOT NULL,
    phone           VARCHAR(20),
    phone_rev       VARCHAR(20) COLLATE utf8mb4_bin,
    email           VARCHAR(254),
    primary_contact BOOLEAN      NOT NULL DEFAULT FALSE,
    version         BIGINT       NOT NULL DEFAULT 0,
    created_at      DATETIME(6)  NOT NULL,
    created_by      VARCHAR(100),
    updated_at      DATETIME(6)  NOT NULL,
    updated_by      VARCHAR(100),
    INDEX ix_guardian_family (family_id, primary_contact),
    INDEX ix_guardian_phone_rev (phone_rev),
    INDEX ix_guardian_email (email),
    INDEX ix_guardian_full_name (full_name),
    CONSTRAINT fk_guardian_family FOREIGN KEY (family_id) REFERENCES family (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- name_key: the normalised words of the full name in alphabetical order (duplicate check with the birth date).
-- search_name: "full|preferred|chinese", normalised, to re-check and rank the candidates the token index finds.
CREATE TABLE student (
    id             BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    student_number VARCHAR(20)  NOT NULL,
    family_id      BIGINT       NOT NULL,
    campus_id      BIGINT,
    full_name      VARCHAR(200) NOT NULL,
    preferred_name VARCHAR(100),
    chinese_name   VARCHAR(100),
    name_key       VARCHAR(200) NOT NULL COLLATE utf8mb4_bin,
    search_name    VARCHAR(500) NOT NULL COLLATE utf8mb4_bin,
    birth_date     DATE,
    phone          VARCHAR(20),
    phone_rev      VARCHAR(20) COLLATE utf8mb4_bin,
    email          VARCHAR(254),
    school         VARCHAR(200) NOT NULL DEFAULT '',
    grade          VARCHAR(40)  NOT NULL DEFAULT '',
    status         VARCHAR(20)  NOT NULL,
    version        BIGINT       NOT NULL DEFAULT 0,
    created_at     DATETIME(6)  NOT NULL,
    created_by     VARCHAR(100),
    updated_at     DATETIME(6)  NOT NULL,
    updated_by     VARCHAR(100),
    CONSTRAINT uk_student_number UNIQUE (student_number),
    INDEX ix_student_full_name (full_name),
    INDEX ix_student_status_name (status, full_name),
    INDEX ix_student_campus_name (campus_id, full_name),
    INDEX ix_student_created (created_at),
    INDEX ix_student_family (family_id),
    INDEX ix_student_name_key (name_key, birth_date),
    INDEX ix_student_phone_rev (phone_rev),
    INDEX ix_student_email (email),
    CONSTRAINT fk_student_family FOREIGN KEY (family_id) REFERENCES family (id),
    CONSTRAINT fk_student_campus FOREIGN KEY (campus_id) REFERENCES campus (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

CREATE TABLE student_tag (
    student_id BIGINT      NOT NULL,
    tag        VARCHAR(40) NOT NULL,
    PRIMARY KEY (student_id, tag),
    INDEX ix_student_tag_tag (tag, student_id),
    CONSTRAINT fk_student_tag_student FOREIGN KEY (student_id) REFERENCES student (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- Search tokens (see docs/decisions/0010): trigrams of the normalised names, two-letter word prefixes ("^ta"), and
-- Chinese characters and character pairs. pos says where the token stands (0: a name starts with it, 1: a word does,
-- 2: inside a word) and sort_key is the start of the normalised full name, so the best matches of a token are read
-- in order from ix_student_search_token_rank and a search stops after a page instead of sorting every candidate.
-- Derived data, rewritten when a student's names change: no foreign key.
CREATE TABLE student_search_token (
    token      VARCHAR(16) COLLATE utf8mb4_bin NOT NULL,
    student_id BIGINT                          NOT NULL,
    pos        TINYINT                         NOT NULL,
    sort_key   VARCHAR(24) COLLATE utf8mb4_bin NOT NULL,
    PRIMARY KEY (token, student_id),
    INDEX ix_student_search_token_rank (token, pos, sort_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE student_note (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    student_id  BIGINT       NOT NULL,
    body        TEXT         NOT NULL,
    author      VARCHAR(100) NOT NULL,
    author_name VARCHAR(200) NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    INDEX ix_student_note_student (student_id, created_at),
    CONSTRAINT fk_student_note_student FOREIGN KEY (student_id) REFERENCES student (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- Uploaded files live in <data-dir>/documents/<storage_key>; the user's file name is only ever metadata.
CREATE TABLE student_document (
    id           BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    student_id   BIGINT       NOT NULL,
    file_name    VARCHAR(255) NOT NULL,
    content_type VARCHAR(100) NOT NULL,
    size_bytes   BIGINT       NOT NULL,
    sha256       VARCHAR(64)     NOT NULL,
    storage_key  VARCHAR(36)     NOT NULL,
    uploaded_by  VARCHAR(100) NOT NULL,
    uploaded_at  DATETIME(6)  NOT NULL,
    CONSTRAINT uk_student_document_storage_key UNIQUE (storage_key),
    INDEX ix_student_document_student (student_id, uploaded_at),
    CONSTRAINT fk_student_document_student FOREIGN KEY (student_id) REFERENCES student (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;

-- The student's own history for the timeline: created, changed, status, notes, documents, family. Append only.
CREATE TABLE student_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    student_id  BIGINT       NOT NULL,
    occurred_at DATETIME(6)  NOT NULL,
    actor       VARCHAR(100) NOT NULL,
    kind        VARCHAR(30)  NOT NULL,
    subject     VARCHAR(500) NOT NULL DEFAULT '',
    details     TEXT,
    INDEX ix_student_event_student (student_id, occurred_at, id),
    CONSTRAINT fk_student_event_student FOREIGN KEY (student_id) REFERENCES student (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_uca1400_ai_ci;
