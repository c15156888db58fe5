/** Entities and repositories of the institution module; other modules use {@code InstitutionService}. */
@NullMarked
package io.campuscrm.institution.internal;

import org.jspecify.annotations.NullMarked;
