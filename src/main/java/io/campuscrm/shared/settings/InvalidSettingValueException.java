package io.campuscrm.shared.settings;

import io.campuscrm.shared.domain.DomainException;

/** A value a setting does not accept; the message says what to enter, on the form's {@code value} field. */
public class InvalidSettingValueException extends DomainException {

    public InvalidSettingValueException(String messageKey, Object... arguments) {
        super("value", messageKey, arguments);
    }
}
