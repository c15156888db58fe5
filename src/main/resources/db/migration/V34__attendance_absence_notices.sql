-- The absence e-mail's memory (decision 0068): one row per student and session whose absence the guardians were told
-- about (or would have been, had they an e-mail address), so that a retried AttendanceTaken event, a second save of
-- the same roster or a mark corrected to absent again writes no second e-mail. claimed_by is the listener run that
-- wrote the row: after its INSERT IGNORE, a run writes to the guardians of the students whose rows it claimed, and of
-- no others. The alert lists need no index beyond V32's.
CREATE TABLE attendance_absence_notice (
    session_id  BIGINT      NOT NULL,
    student_id  BIGINT      NOT NULL,
    claimed_by  CHAR(36)    NOT NULL,
    noticed_at  DATETIME(6) NOT NULL,
    PRIMARY KEY (session_id, student_id),
    CONSTRAINT fk_attendance_absence_notice_sheet FOREIGN KEY (session_id) REFERENCES attendance_sheet (session_id)
) ENGINE = InnoDB;
