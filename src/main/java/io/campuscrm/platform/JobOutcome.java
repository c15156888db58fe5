package io.campuscrm.platform;

/** How a run of a scheduled job ended, or that it is still going. */
public enum JobOutcome {
    RUNNING, SUCCEEDED, FAILED,
    /** Started by a user while another node ran the job: nothing was done. */
    SKIPPED;

    public String messageKey() {
        return "jobs.outcome." + name().toLowerCase(java.util.Locale.ROOT);
    }
}
