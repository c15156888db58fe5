package io.campuscrm.students;

import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.shared.domain.DomainException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Email;

/**
 * Phone numbers and e-mail addresses as they are stored and compared: phones in E.164 ({@code +6591234567}), parsed
 * with libphonenumber in the institution's country (its locale's region) unless they start with +; e-mails checked
 * and lower-cased. Invalid values are refused on the named field. Admissions can use the same rules for leads.
 */
@Component
public class ContactNormaliser {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private final InstitutionService institution;
    private final Validator validator;

    ContactNormaliser(InstitutionService institution, Validator validator) {
        this.institution = institution;
        this.validator = validator;
    }

    /** The institution's country (e.g. SG), or ZZ when its locale names none: then numbers need a +. */
    public String region() {
        String country = institution.publicProfile().locale().getCountry();
        return country.isEmpty() ? "ZZ" : country;
    }

    /**
     * @return the number in E.164, or null when blank
     * @throws DomainException on {@code field} when it is not a valid number
     */
    public @Nullable String phone(@Nullable String raw, String field) {
        return phone(raw, field, region());
    }

    public static @Nullable String phone(@Nullable String raw, String field, String region) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            var number = PHONES.parse(raw.strip(), region);
            if (!PHONES.isValidNumber(number)) {
                throw new DomainException(field, "contact.error.phone-invalid", raw.strip());
            }
            return PHONES.format(number, PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new DomainException(field, "contact.error.phone-invalid", raw.strip());
        }
    }

    /** {@code +65 9123 4567}; what is not E.164 is shown as it is. */
    public static String display(@Nullable String e164) {
        if (e164 == null || e164.isBlank()) {
            return "";
        }
        try {
            return PHONES.format(PHONES.parse(e164, "ZZ"), PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }

    /**
     * @return the address in lower case, or null when blank
     * @throws DomainException on {@code field} when it is not an e-mail address
     */
    public @Nullable String email(@Nullable String raw, String field) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String email = raw.strip().toLowerCase(Locale.ROOT);
        int at = email.indexOf('@');
        boolean valid = at > 0 && email.indexOf('.', at) > at + 1 && !email.endsWith(".") && email.length() <= 254
                && validator.validateValue(EmailValue.class, "value", email).isEmpty();
        if (!valid) {
            throw new DomainException(field, "contact.error.email-invalid", raw.strip());
        }
        return email;
    }

    /** Reversed digits, so "ends with these digits" is an indexed prefix search. */
    public static @Nullable String reversedDigits(@Nullable String e164) {
        return e164 == null ? null : new StringBuilder(e164.replaceAll("\\D", "")).reverse().toString();
    }

    private record EmailValue(@Email String value) {
    }
}
