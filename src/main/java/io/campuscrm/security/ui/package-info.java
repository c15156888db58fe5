/** Login, user administration, the audit log view and the user's own password change. */
@NullMarked
package io.campuscrm.security.ui;

import org.jspecify.annotations.NullMarked;
