package io.campuscrm.admissions;

import org.jspecify.annotations.Nullable;

/**
 * What became of an inquiry or intake request: a new lead; the lead an earlier copy of it made (the same request
 * id, or the same inquiry again within minutes); or nothing, for what the form's trap caught (answered as if it
 * were taken, so that a robot learns nothing).
 */
public record IntakeOutcome(Kind kind, @Nullable Long leadId) {

    public enum Kind {
        CREATED, REPEATED, IGNORED
    }

    public static IntakeOutcome created(long leadId) {
        return new IntakeOutcome(Kind.CREATED, leadId);
    }

    public static IntakeOutcome repeated(long leadId) {
        return new IntakeOutcome(Kind.REPEATED, leadId);
    }

    public static IntakeOutcome ignored() {
        return new IntakeOutcome(Kind.IGNORED, null);
    }
}
