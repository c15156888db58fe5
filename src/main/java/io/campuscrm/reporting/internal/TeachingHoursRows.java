package io.campuscrm.reporting.internal;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.LongFunction;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

import io.campuscrm.attendance.TeachingHours;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.JRField;

/**
 * The rows of the teaching hours report, read one teacher at a time as the report fills: a year of a large school's
 * sessions is never in memory at once, only one teacher's (and the pages, which the virtualizer swaps to disk).
 */
final class TeachingHoursRows implements JRDataSource {

    private final Iterator<Long> teachers;
    private final LongFunction<TeachingHours> hours;
    private final Map<Long, String> campusNames;
    private final MessageSource messages;
    private final Locale locale;
    private final DateTimeFormatter date;
    private final DateTimeFormatter time;
    private @Nullable TeachingHours teacher;
    private Iterator<TeachingHours.TaughtSession> sessions = Collections.emptyIterator();
    private final Map<String, Object> row = new HashMap<>();

    /** @param teachers the teachers in the order to print them */
    TeachingHoursRows(List<Long> teachers, LongFunction<TeachingHours> hours, Map<Long, String> campusNames,
            MessageSource messages, Locale locale) {
        this.teachers = teachers.iterator();
        this.hours = hours;
        this.campusNames = campusNames;
        this.messages = messages;
        this.locale = locale;
        this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        this.time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
    }

    @Override
    public boolean next() {
        while (!sessions.hasNext()) {
            if (!teachers.hasNext()) {
                return false;
            }
            teacher = hours.apply(teachers.next());
            sessions = teacher.sessions().iterator();
        }
        var s = sessions.next();
        var state = s.state();
        row.clear();
        row.put("teacherKey", String.valueOf(teacher.teacherId()));
        row.put("teacher", teacher.teacherName());
        row.put("date", date.format(s.startsLocal().toLocalDate()) + " " + s.startsLocal().getDayOfWeek()
                .getDisplayName(java.time.format.TextStyle.SHORT, locale));
        row.put("time", messages.getMessage("timetable.time-range", new Object[] {time.format(s.startsLocal()),
                time.format(s.endsLocal())}, locale));
        row.put("classCode", s.classCode());
        row.put("className", s.className());
        row.put("course", s.courseName());
        row.put("campus", campusNames.getOrDefault(s.campusId(), ""));
        row.put("hours", s.hours());
        row.put("countedHours", state.counted() ? s.hours() : BigDecimal.ZERO.setScale(2));
        row.put("counted", state.counted() ? 1 : 0);
        row.put("cancelled", state == TeachingHours.State.CANCELLED ? 1 : 0);
        row.put("flagged", state.flagged() ? 1 : 0);
        row.put("note", messages.getMessage(state.messageKey(), null, locale));
        return true;
    }

    @Override
    public @Nullable Object getFieldValue(JRField field) {
        return row.get(field.getName());
    }
}
