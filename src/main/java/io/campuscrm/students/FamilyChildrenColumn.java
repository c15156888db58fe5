package io.campuscrm.students;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;

/**
 * A column another module adds to the list of a family's children on the family tab (attendance adds the lessons
 * each child has left), as a Spring bean. The students module passes only children the user may read.
 */
public interface FamilyChildrenColumn {

    /** Lower comes first, after the child's name and number. */
    int order();

    /** The i18n key of the column's header. */
    String headerKey();

    boolean visibleToCurrentUser();

    /**
     * The column's text for each of these children, in the user's locale, for all of them at once (a family has a
     * handful): a child left out of the map shows nothing.
     */
    Map<Long, String> values(Collection<Long> studentIds, Locale locale);
}
