/**
 * Audit events: every module publishes one when a user creates, changes or reads something that must be
 * accounted for; the security module writes them to the audit log in the same transaction.
 */
@NullMarked
package io.campuscrm.shared.audit;

import org.jspecify.annotations.NullMarked;
