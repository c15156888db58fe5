/**
 * The institution: its settings (name, currency, time zone, locale, the address on printed documents) and its
 * campuses (校区), the sites that rooms, classes, leads and staff belong to.
 */
@ApplicationModule(displayName = "Institution", allowedDependencies = "shared")
@NullMarked
package io.campuscrm.institution;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
