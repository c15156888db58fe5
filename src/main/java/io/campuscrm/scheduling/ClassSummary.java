package io.campuscrm.scheduling;

import java.util.List;

import org.jspecify.annotations.Nullable;

/** A row of the class list. {@code schedule} is the rule in short ("Tue, Thu 16:00–17:30"), formatted by the view. */
public record ClassSummary(long id, String code, String name, long courseId, String courseName, long termId,
        String termName, long campusId, long roomId, String roomName, List<String> teacherNames, int capacity,
        ClassStatus status, @Nullable Recurrence recurrence) {
}
