/**
 * The student list (search, filters, export, import), the student file with its tabs, and the admissions
 * dashboard card. {@link io.campuscrm.students.ui.StudentNavigation} is the one public way to link to them.
 */
@NullMarked
package io.campuscrm.students.ui;

import org.jspecify.annotations.NullMarked;
