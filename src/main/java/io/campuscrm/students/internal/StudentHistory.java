package io.campuscrm.students.internal;

import java.time.Clock;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.campuscrm.shared.security.CurrentUser;

/** Writes the students module's own timeline entries, in the transaction of the change they describe. */
@Component
public class StudentHistory {

    private final StudentEventRepository events;
    private final CurrentUser currentUser;
    private final Clock clock;

    StudentHistory(StudentEventRepository events, CurrentUser currentUser, Clock clock) {
        this.events = events;
        this.currentUser = currentUser;
        this.clock = clock;
    }

    public void record(long studentId, StudentEventEntity.Kind kind, String subject, @Nullable String details) {
        events.save(new StudentEventEntity(studentId, clock.instant(), currentUser.username(), kind, subject,
                details == null || details.isBlank() ? null : details));
    }
}
