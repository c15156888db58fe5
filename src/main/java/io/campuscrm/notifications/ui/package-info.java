/** The administrators' mail page: the configuration, a test message and the outbox. */
@NullMarked
package io.campuscrm.notifications.ui;

import org.jspecify.annotations.NullMarked;
