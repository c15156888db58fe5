package io.campuscrm.admissions;

import java.util.Map;

/** An inquiry or intake request with fields that are wrong: each field's message key, by the field's name. */
public class IntakeRefusedException extends RuntimeException {

    private final Map<String, String> errors;

    public IntakeRefusedException(Map<String, String> errors) {
        super("Refused: " + errors);
        this.errors = Map.copyOf(errors);
    }

    /** Field name (as the request names it) to the message key of what is wrong with it. */
    public Map<String, String> errors() {
        return errors;
    }
}
