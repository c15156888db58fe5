/**
 * Entities, repositories and the JDBC stores of the scheduling module: the pure recurrence generator, the
 * session store, the locks taken before a schedule is checked and the clash queries. Other modules use the
 * services at the module's root.
 */
@NullMarked
package io.campuscrm.scheduling.internal;

import org.jspecify.annotations.NullMarked;
