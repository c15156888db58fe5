/**
 * Shared kernel: value types, the base entity, the clock, audit events, error types, the embedded
 * database and the application shell (layout, dashboard, i18n). Every module may use it; it uses none.
 */
@ApplicationModule(type = ApplicationModule.Type.OPEN)
@NullMarked
package io.campuscrm.shared;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
