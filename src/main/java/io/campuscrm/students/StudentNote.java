package io.campuscrm.students;

import java.time.Instant;

/** A note on a student's file, by its author; notes are kept as written. */
public record StudentNote(long id, long studentId, String body, String author, String authorName,
        Instant createdAt) {
}
