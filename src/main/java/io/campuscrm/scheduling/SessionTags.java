package io.campuscrm.scheduling;

import java.util.Collection;
import java.util.Map;

/**
 * A source of short tags on sessions as the week timetable shows them, as a Spring bean: another module's guests of
 * a session (admissions' trial lessons) without scheduling knowing that module. A source answers for a week's
 * sessions in a fixed number of statements; the timetable shows each tag as {@code labelKey} translated with its
 * count, after the block's room and teachers.
 */
public interface SessionTags {

    /** A tag of one session: a message key with one argument, the count ("{0} trial"). */
    record Tag(String labelKey, int count) {
    }

    /** The tags of those of these sessions that have any, by session id. */
    Map<Long, Tag> tags(Collection<Long> sessionIds);
}
