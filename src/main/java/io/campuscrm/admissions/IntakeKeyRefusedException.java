package io.campuscrm.admissions;

/** A request without a key, or with one that is unknown or revoked: the same answer for all three. */
public class IntakeKeyRefusedException extends RuntimeException {

    public IntakeKeyRefusedException() {
        super("Missing, unknown or revoked intake key");
    }
}
