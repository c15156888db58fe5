/**
 * Users, roles, login, lockout and sessions, the password policy and the audit log. Other modules read the
 * signed-in user through {@code shared.security.CurrentUser} and add to the audit log with audit events.
 */
@ApplicationModule(displayName = "Security", allowedDependencies = {"shared", "institution"})
@NullMarked
package io.campuscrm.security;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
