/** Entities, repositories and Spring Security wiring of the security module. */
@NullMarked
package io.campuscrm.security.internal;

import org.jspecify.annotations.NullMarked;
