package io.campuscrm.admissions;

import java.util.Locale;

/** Where a lead stands: New → Contacted → Trial booked → Trial attended → Enrolled, or Lost. */
public enum LeadStage {
    NEW, CONTACTED, TRIAL_BOOKED, TRIAL_ATTENDED, ENROLLED, LOST;

    /** Still being worked on: it needs an owner's next step. */
    public boolean open() {
        return this != ENROLLED && this != LOST;
    }

    public String messageKey() {
        return "lead.stage." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
