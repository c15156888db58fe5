/**
 * The application shell: main layout with role-filtered navigation, the dashboard that modules add cards to (and
 * set-up steps, for the administrators' checklist), the access-denied view, i18n and the helpers every form uses to
 * show service errors on its fields.
 */
@NullMarked
package io.campuscrm.shared.ui;

import org.jspecify.annotations.NullMarked;
