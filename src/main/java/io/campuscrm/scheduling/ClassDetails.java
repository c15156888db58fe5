package io.campuscrm.scheduling;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/** A class as its detail page edits it; {@code version} guards against stale edits. */
public record ClassDetails(long id, String code, String name, long courseId, long termId, long campusId, long roomId,
        int capacity, boolean waitingListEnabled, ClassStatus status, Set<Long> teacherIds,
        @Nullable Recurrence recurrence, @Nullable String rrule, long version) {

    public ClassDraft toDraft() {
        return new ClassDraft(code, name, courseId, termId, campusId, roomId, capacity, waitingListEnabled, status,
                teacherIds, recurrence);
    }
}
