/**
 * E-mail: messages of a few kinds, written in the recipient's language with the school's name and address, and
 * sent through an outbox. A module that sends mail calls {@link io.campuscrm.notifications.OutboxService#enqueue}
 * inside the transaction of its change, so a rolled-back change sends nothing; a scheduled sender delivers the rows
 * with retries and records the outcome, so a crash loses nothing (decision 0062). Administrators see the outbox and
 * the mail configuration ({@code admin/mail}).
 */
@ApplicationModule(displayName = "Notifications", allowedDependencies = {"shared", "institution", "security"})
@NullMarked
package io.campuscrm.notifications;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
