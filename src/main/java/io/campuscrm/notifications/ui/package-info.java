/**
 * The administrators' mail page (the configuration, a test message and the outbox), their dashboard card and the
 * set-up step "mail configured".
 */
@NullMarked
package io.campuscrm.notifications.ui;

import org.jspecify.annotations.NullMarked;
