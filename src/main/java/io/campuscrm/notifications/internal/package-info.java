/** The outbox table, the renderer of the templates and the scheduled sender; other modules use the root's API. */
@NullMarked
package io.campuscrm.notifications.internal;

import org.jspecify.annotations.NullMarked;
