/**
 * The languages the product speaks ({@link io.campuscrm.shared.i18n.Language}), how a user's language and the
 * institution's locale make the locale a screen or a report formats with, and which message bundle a locale reads.
 */
@NullMarked
package io.campuscrm.shared.i18n;

import org.jspecify.annotations.NullMarked;
