package io.campuscrm.notifications;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.campuscrm.shared.i18n.Language;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A message to send: its kind (the template), to whom, in which language, and the template's arguments.
 *
 * @param kind          the template
 * @param recipient     the address
 * @param recipientName the name the greeting uses; none: a greeting without a name
 * @param language      the recipient's language when known (a guardian's: {@code FamilyView.languageFor}); none:
 *                      the institution's
 * @param args          the template's arguments, as text ({@code {0}}, {@code {1}}, … in the kind's messages)
 */
public record MailMessage(@NotNull MailKind kind, @NotBlank @Email @Size(max = 254) String recipient,
        @Nullable @Size(max = 200) String recipientName, @Nullable Language language, List<String> args) {

    public MailMessage {
        args = List.copyOf(args);
    }
}
