/** Views of the scheduling module: courses, terms, rooms, teachers' availability, classes and their sessions. */
@NullMarked
package io.campuscrm.scheduling.ui;

import org.jspecify.annotations.NullMarked;
