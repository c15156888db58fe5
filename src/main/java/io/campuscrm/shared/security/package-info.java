/**
 * Who is signed in: the roles, the principal every module can read through {@link CurrentUser}, and running
 * system work with {@link SystemAuthentication}. Users, login and the audit log live in the security module.
 */
@NullMarked
package io.campuscrm.shared.security;

import org.jspecify.annotations.NullMarked;
