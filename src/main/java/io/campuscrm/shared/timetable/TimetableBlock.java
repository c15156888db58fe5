package io.campuscrm.shared.timetable;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a week timetable, e.g. a class session. Times are local to the institution's time zone.
 *
 * @param id        what a click on the block hands back (e.g. the session id)
 * @param title     first line, e.g. the class name
 * @param subtitle  second line, e.g. room and teacher; may be null
 * @param colorKey  blocks with the same key get the same colour (e.g. the course id); null for the first colour
 * @param cancelled shown struck through
 */
public record TimetableBlock(String id, String title, @Nullable String subtitle, LocalDateTime start,
        LocalDateTime end, @Nullable String colorKey, boolean cancelled) {

    public TimetableBlock {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("Block " + id + " ends at " + end + ", not after its start " + start);
        }
    }

    public LocalDate day() {
        return start.toLocalDate();
    }
}
