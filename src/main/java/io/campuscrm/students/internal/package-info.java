/**
 * Entities, repositories and the machinery of the students module: the search token index and its queries, the
 * access scope, duplicate detection, document storage, CSV parsing and the bulk loader. Other modules use the
 * services at the module's root.
 */
@NullMarked
package io.campuscrm.students.internal;

import org.jspecify.annotations.NullMarked;
