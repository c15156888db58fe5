/** Campus CRM's base package: one sub-package per feature module, checked by {@code ModularityTests}. */
@NullMarked
package io.campuscrm;

import org.jspecify.annotations.NullMarked;
