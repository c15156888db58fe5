/** The teacher's home, the roster on a tablet, packages on the student file, leave and make-up, the alerts. */
@NullMarked
package io.campuscrm.attendance.ui;

import org.jspecify.annotations.NullMarked;
