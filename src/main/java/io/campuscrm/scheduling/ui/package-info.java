/**
 * Views of the scheduling module: courses, terms, rooms, teachers' availability, classes and their sessions; the
 * administrators' card of today's sessions and the set-up checklist's steps for terms, rooms and courses.
 */
@NullMarked
package io.campuscrm.scheduling.ui;

import org.jspecify.annotations.NullMarked;
