/** Login, user administration, the audit log view, the user's own password change, and the users' set-up step. */
@NullMarked
package io.campuscrm.security.ui;

import org.jspecify.annotations.NullMarked;
