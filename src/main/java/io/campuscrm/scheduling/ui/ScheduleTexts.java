package io.campuscrm.scheduling.ui;

import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import io.campuscrm.scheduling.Recurrence;
import io.campuscrm.scheduling.ScheduledSession;
import io.campuscrm.scheduling.internal.ScheduleFormat;

/** Short texts for schedules: "Tue, Thu 4:00 pm–5:30 pm", "Wed 4 Mar 2026". */
final class ScheduleTexts {

    private final Locale locale;
    private final ScheduleFormat format;

    ScheduleTexts(Locale locale) {
        this.locale = locale;
        this.format = new ScheduleFormat(locale);
    }

    ScheduleFormat format() {
        return format;
    }

    String recurrence(@Nullable Recurrence recurrence) {
        if (recurrence == null) {
            return "";
        }
        return EnumSet.copyOf(recurrence.weekdays()).stream().map(d -> d.getDisplayName(TextStyle.SHORT, locale))
                .collect(Collectors.joining(", ")) + " " + format.time(recurrence.startTime()) + "–"
                + format.time(recurrence.endTime());
    }

    String time(ScheduledSession session) {
        return format.time(session.startsLocal()) + "–" + format.time(session.endsLocal());
    }
}
