package io.campuscrm.scheduling.ui;

import java.util.Arrays;
import java.util.Optional;

import io.campuscrm.scheduling.TimetableScope;

/** Whose timetable the timetable view shows, as its URL names it ({@code ?scope=teacher&id=5}). */
enum TimetableKind {

    CAMPUS("campus"), TEACHER("teacher"), ROOM("room"), CLASS("class"), STUDENT("student");

    final String param;

    TimetableKind(String param) {
        this.param = param;
    }

    static Optional<TimetableKind> of(String param) {
        return Arrays.stream(values()).filter(k -> k.param.equals(param)).findFirst();
    }

    TimetableScope scope(long id) {
        return switch (this) {
            case CAMPUS -> TimetableScope.campus(id);
            case TEACHER -> TimetableScope.teacher(id);
            case ROOM -> TimetableScope.room(id);
            case CLASS -> TimetableScope.schoolClass(id);
            case STUDENT -> TimetableScope.student(id);
        };
    }

    String labelKey() {
        return "timetable.kind." + param;
    }
}
