package io.campuscrm.scheduling.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.campuscrm.scheduling.SchedulingNavigation;
import io.campuscrm.shared.i18n.ReaderLocale;
import io.campuscrm.students.StudentTimelineSource;
import io.campuscrm.students.TimelineEntry;

/** Enrollments on the student's timeline: enrolled, waiting, promoted, withdrawn, transferred (in the user's classes). */
@Component
class EnrollmentTimeline implements StudentTimelineSource {

    private final EnrollmentEvents events;
    private final SchedulingAccess access;
    private final ReaderLocale reader;

    EnrollmentTimeline(EnrollmentEvents events, SchedulingAccess access, ReaderLocale reader) {
        this.events = events;
        this.access = access;
        this.reader = reader;
    }

    @Override
    public List<TimelineEntry> entries(long studentId, @Nullable Instant before, int limit) {
        var format = new ScheduleFormat(reader.get());
        List<TimelineEntry> entries = new ArrayList<>();
        for (var e : events.ofStudent(studentId, before, limit, access.scope())) {
            List<String> args = new ArrayList<>(List.of(e.classCode(), e.className(), format.date(e.effectiveOn())));
            if (e.otherClassCode() != null) {
                args.add(e.otherClassCode());
            }
            entries.add(new TimelineEntry(e.occurredAt(), "enrollment",
                    "timeline.enrollment." + e.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'), args, null,
                    e.actor(), SchedulingNavigation.classPage(e.classId())));
        }
        return entries;
    }
}
