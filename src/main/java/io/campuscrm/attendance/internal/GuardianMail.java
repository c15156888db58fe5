package io.campuscrm.attendance.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.notifications.MailKind;
import io.campuscrm.notifications.MailMessage;
import io.campuscrm.notifications.OutboxService;
import io.campuscrm.shared.i18n.Language;
import io.campuscrm.students.FamilyService;
import io.campuscrm.students.FamilyView;
import io.campuscrm.students.StudentFiles;
import io.campuscrm.students.StudentSearch;

/**
 * Writing to students' guardians about them: every guardian of the student's family with an e-mail address, in the
 * guardian's language ({@link FamilyView#languageFor}, else the institution's), the student named as that language's
 * reader knows them (the Chinese name for a Chinese reader, when the student has one), dates written the reader's
 * way. Runs inside the caller's transaction, so the messages are sent only if its change commits.
 */
@Component
public class GuardianMail {

    private final StudentFiles files;
    private final StudentSearch students;
    private final FamilyService families;
    private final OutboxService outbox;
    private final InstitutionService institution;
    private final MessageSource messages;

    GuardianMail(StudentFiles files, StudentSearch students, FamilyService families, OutboxService outbox,
            InstitutionService institution, MessageSource messages) {
        this.files = files;
        this.students = students;
        this.families = families;
        this.outbox = outbox;
        this.institution = institution;
        this.messages = messages;
    }

    /** A guardian to write to about a student, and how: the language, its locale, the student's name in it. */
    public record Recipient(long studentId, String email, String name, Language language, Locale locale,
            String studentName) {
    }

    /** The guardians to write to about each of these students (a student without one is left out). */
    public Map<Long, List<Recipient>> recipients(Collection<Long> studentIds) {
        Map<Long, List<Recipient>> result = new HashMap<>();
        if (studentIds.isEmpty()) {
            return result;
        }
        var contacts = files.contacts(studentIds);
        var refs = students.references(studentIds);
        var school = institution.settings().locale();
        var fallback = Language.of(school).orElse(Language.ENGLISH);
        // the family's own language decides for a guardian without one: one family read per family written to
        Map<Long, FamilyView> familyOf = new HashMap<>();
        contacts.forEach((studentId, contact) -> {
            var ref = refs.get(studentId);
            for (var guardian : contact.guardians()) {
                if (!StringUtils.hasText(guardian.email()) || ref == null) {
                    continue;
                }
                var family = familyOf.computeIfAbsent(guardian.familyId(), families::family);
                var language = family.languageFor(guardian).orElse(fallback);
                var name = language == Language.SIMPLIFIED_CHINESE && StringUtils.hasText(contact.chineseName())
                        ? contact.chineseName() : ref.displayName();
                result.computeIfAbsent(studentId, k -> new ArrayList<>()).add(new Recipient(studentId,
                        guardian.email().strip(), guardian.fullName(), language, language.locale(school), name));
            }
        });
        return result;
    }

    /** Puts a message to the recipient in the outbox; {@code args} are already in the recipient's language. */
    public void send(MailKind kind, Recipient to, List<String> args) {
        outbox.enqueue(new MailMessage(kind, to.email(), to.name(), to.language(), args));
    }

    /** A date as the recipient reads it in a letter: "16 May 2029", "2029年5月16日". */
    public static String date(Recipient to, LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(to.locale()).format(date);
    }

    /** A message of the bundles in the recipient's language. */
    public String text(Recipient to, String key, Object... args) {
        return messages.getMessage(key, args, to.locale());
    }
}
