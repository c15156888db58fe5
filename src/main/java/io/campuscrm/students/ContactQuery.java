package io.campuscrm.students;

import org.jspecify.annotations.Nullable;

/**
 * Someone's contacts to look for among students and guardians: a phone already in E.164 and an e-mail already in
 * lower case ({@link ContactNormaliser}); {@code enteredFor} names who they are (a lead's guardian, a row of a file).
 */
public record ContactQuery(String enteredFor, @Nullable String e164, @Nullable String email) {
}
