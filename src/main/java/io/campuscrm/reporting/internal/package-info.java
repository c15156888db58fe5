/** Template compilation and caching, report definitions and export. */
@NullMarked
package io.campuscrm.reporting.internal;

import org.jspecify.annotations.NullMarked;
