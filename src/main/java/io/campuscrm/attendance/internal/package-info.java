/** The attendance module's stores (plain JDBC: a roster is read and written in a fixed handful of statements), its consumption rules and its seat sources. */
@NullMarked
package io.campuscrm.attendance.internal;

import org.jspecify.annotations.NullMarked;
