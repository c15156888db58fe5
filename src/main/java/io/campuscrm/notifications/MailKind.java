package io.campuscrm.notifications;

/**
 * A kind of message the product sends, with its template: a subject and a body in the bundles
 * ({@code vaadin-i18n/messages*.properties}), each a {@code MessageFormat} pattern over the message's arguments. The
 * body's paragraphs are separated by an empty line ({@code \n\n}). Greeting, closing and the footer with the
 * school's name and address are the same for every kind. To add a kind: a constant here and its keys in both
 * bundles (README, "E-mail").
 */
public enum MailKind {

    /** An administrator checks that mail works; argument 0: who sent it. */
    TEST("email.test.subject", "email.test.body", "email.kind.test"),

    /**
     * A student was marked absent (unexcused) from a session (attendance); arguments: the student's name, the class,
     * the session's date.
     */
    ABSENCE("email.absence.subject", "email.absence.body", "email.kind.absence"),

    /**
     * A lesson package with lessons left expires soon (attendance's nightly job); arguments: the student's name, the
     * course, what is left ("3 lessons"), the expiry date.
     */
    PACKAGE_EXPIRING("email.package-expiring.subject", "email.package-expiring.body", "email.kind.package-expiring"),

    /**
     * A guardian asked about classes through the public inquiry form (admissions); arguments: the child's name, the
     * campus.
     */
    INQUIRY_RECEIVED("email.inquiry.subject", "email.inquiry.body", "email.kind.inquiry"),

    /**
     * A staff member's daily e-mail of their follow-ups due (admissions' morning job, for those who asked for it);
     * arguments: the day, how many leads are due today or overdue, their list (one line each, the first 20).
     */
    LEAD_DIGEST("email.lead-digest.subject", "email.lead-digest.body", "email.kind.lead-digest"),

    /**
     * Leads of a staff member will go back to their campus's pool for want of a follow-up (admissions' pool-return
     * job); arguments: how many, the campus, after how many quiet days they return, their list (one line each).
     */
    POOL_WARNING("email.pool-warning.subject", "email.pool-warning.body", "email.kind.pool-warning"),

    /**
     * The session a lead's trial lesson was booked into was moved (admissions tells the lead's owner); arguments: the
     * child's name, the class, when it was, when it is now.
     */
    TRIAL_MOVED("email.trial-moved.subject", "email.trial-moved.body", "email.kind.trial-moved"),

    /**
     * The session a lead's trial lesson was booked into was cancelled, and the trial with it (admissions tells the
     * lead's owner); arguments: the child's name, the class, when it was.
     */
    TRIAL_CANCELLED("email.trial-cancelled.subject", "email.trial-cancelled.body", "email.kind.trial-cancelled");

    private final String subjectKey;
    private final String bodyKey;
    private final String labelKey;

    MailKind(String subjectKey, String bodyKey, String labelKey) {
        this.subjectKey = subjectKey;
        this.bodyKey = bodyKey;
        this.labelKey = labelKey;
    }

    public String subjectKey() {
        return subjectKey;
    }

    public String bodyKey() {
        return bodyKey;
    }

    /** The kind's name on the outbox screen. */
    public String labelKey() {
        return labelKey;
    }
}
