package io.campuscrm.institution;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The institution's settings, as a form edits them; {@code version} guards against stale edits. */
public record InstitutionSettings(
        @NotBlank @Size(max = 200) String name,
        @NotNull Currency currency,
        @NotNull ZoneId timeZone,
        @NotNull Locale locale,
        @Size(max = 500) String address,
        @Size(max = 40) String phone,
        @Email @Size(max = 254) String email,
        long version) {

    public InstitutionSettings withName(String newName) {
        return new InstitutionSettings(newName, currency, timeZone, locale, address, phone, email, version);
    }
}
