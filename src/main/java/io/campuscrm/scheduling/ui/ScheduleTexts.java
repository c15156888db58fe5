package io.campuscrm.scheduling.ui;

import java.time.format.TextStyle;
import java.util.EnumSet;
import java.util.Locale;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;

import io.campuscrm.scheduling.Recurrence;
import io.campuscrm.scheduling.ScheduledSession;
import io.campuscrm.scheduling.internal.ScheduleFormat;
import io.campuscrm.shared.i18n.Lists;

/** Short texts for schedules: "Tue, Thu 4:00 pm–5:30 pm", "Wed 4 Mar 2026"; "周二、周四 16:00–17:30" in Chinese. */
final class ScheduleTexts {

    private final Locale locale;
    private final String listSeparator;
    private final ScheduleFormat format;

    private ScheduleTexts(Locale locale, String listSeparator) {
        this.locale = locale;
        this.listSeparator = listSeparator;
        this.format = new ScheduleFormat(locale);
    }

    /** In the screen's locale, with its language's list separator (", " or "、", {@link Lists#separator}). */
    static ScheduleTexts of(Component in) {
        UI ui = in.getUI().orElseGet(UI::getCurrent);
        return new ScheduleTexts(ui.getLocale(), Lists.separator(ui.getLocale()));
    }

    ScheduleFormat format() {
        return format;
    }

    String recurrence(@Nullable Recurrence recurrence) {
        if (recurrence == null) {
            return "";
        }
        return EnumSet.copyOf(recurrence.weekdays()).stream().map(d -> d.getDisplayName(TextStyle.SHORT, locale))
                .collect(Collectors.joining(listSeparator)) + " " + format.time(recurrence.startTime()) + "–"
                + format.time(recurrence.endTime());
    }

    String time(ScheduledSession session) {
        return format.time(session.startsLocal()) + "–" + format.time(session.endsLocal());
    }
}
