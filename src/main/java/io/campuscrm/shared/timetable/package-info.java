/**
 * Week timetables without the UI: the block record every module's sessions are shown as, the week arithmetic, the
 * layout maths (time range, overlapping blocks side by side, weekend days shown only when used) and the colour
 * palette. The week timetable component ({@code shared.ui.WeekTimetable}) and the printable timetable report both
 * build on it.
 */
@NullMarked
package io.campuscrm.shared.timetable;

import org.jspecify.annotations.NullMarked;
