package io.campuscrm.notifications;

/** Where a message of the outbox is: waiting to be sent (again), being sent, sent, or given up on. */
public enum OutboxStatus {
    WAITING, SENDING, SENT, FAILED;

    public String messageKey() {
        return "email.status." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
