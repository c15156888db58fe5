package io.campuscrm.institution;

import java.util.Locale;

/** What anyone may see of the institution, signed in or not (the login page shows it). */
public record PublicProfile(String name, Locale locale, java.time.ZoneId timeZone) {
}
