package io.campuscrm.reporting.internal;

import java.time.DayOfWeek;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.reporting.ReportChoice;
import io.campuscrm.reporting.ReportInfo;
import io.campuscrm.reporting.ReportParameter;
import io.campuscrm.reporting.ReportRequest;
import io.campuscrm.scheduling.ClassDetails;
import io.campuscrm.scheduling.ClassFilter;
import io.campuscrm.scheduling.ClassSearch;
import io.campuscrm.scheduling.ClassSummary;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.scheduling.Enrollment;
import io.campuscrm.scheduling.EnrollmentService;
import io.campuscrm.scheduling.EnrollmentStatus;
import io.campuscrm.scheduling.Recurrence;
import io.campuscrm.scheduling.RoomService;
import io.campuscrm.scheduling.TermService;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.i18n.Lists;
import io.campuscrm.shared.security.Role;
import io.campuscrm.students.ContactNormaliser;
import io.campuscrm.students.GuardianView;
import io.campuscrm.students.StudentContacts;
import io.campuscrm.students.StudentFiles;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * "Class roster": a class's header (course, term, campus, room, teachers, schedule, places) and its current students
 * with their guardians' contacts, then its waiting list in order. A teacher may print only the classes they teach:
 * the scheduling and students read services narrow, and refuse another teacher's class.
 */
@Component
class ClassRosterReport implements ReportDefinition {

    static final String ID = "class-roster";
    static final String CLASS_ID = "classId";
    private static final int PAGE = 200;

    private final ClassSearch classes;
    private final EnrollmentService enrollments;
    private final CourseService courses;
    private final TermService terms;
    private final RoomService rooms;
    private final StudentFiles students;
    private final UserService users;
    private final InstitutionService institution;
    private final MessageSource messages;

    ClassRosterReport(ClassSearch classes, EnrollmentService enrollments, CourseService courses, TermService terms,
            RoomService rooms, StudentFiles students, UserService users, InstitutionService institution,
            MessageSource messages) {
        this.classes = classes;
        this.enrollments = enrollments;
        this.courses = courses;
        this.terms = terms;
        this.rooms = rooms;
        this.students = students;
        this.users = users;
        this.institution = institution;
        this.messages = messages;
    }

    @Override
    public ReportInfo info() {
        return new ReportInfo(ID, "report.roster.title", "report.roster.description",
                List.of(ReportParameter.requiredChoice(CLASS_ID, "report.roster.class")));
    }

    @Override
    public String template() {
        return ID;
    }

    @Override
    public Set<Role> allowedRoles() {
        return Set.of(Role.ADMIN, Role.ADMISSIONS, Role.TEACHER);
    }

    @Override
    public List<ReportChoice> choices(String parameter, String text, Pageable page) {
        var sorted = PageRequest.of(page.getPageNumber(), page.getPageSize(), Sort.by("code"));
        return classes.find(new ClassFilter(text.isBlank() ? null : text, null, null, null, null, null), sorted)
                .map(ClassRosterReport::choiceOf).getContent();
    }

    @Override
    public Optional<ReportChoice> choice(String parameter, String value) {
        Long id = ReportChoices.id(value);
        if (id == null) {
            return Optional.empty();
        }
        try {
            var details = classes.get(id); // refuses a class the user may not see
            return Optional.of(new ReportChoice(value, details.code() + " · " + details.name()));
        } catch (DomainException notFound) {
            return Optional.empty();
        }
    }

    private static ReportChoice choiceOf(ClassSummary c) {
        return new ReportChoice(String.valueOf(c.id()), c.code() + " · " + c.name() + " (" + c.termName() + ")");
    }

    @Override
    public JRDataSource fill(ReportRequest request, Map<String, Object> parameters) {
        Locale locale = request.locale();
        long classId = Long.parseLong(request.parameters().get(CLASS_ID));
        ClassDetails details = classes.get(classId);
        var occupancy = enrollments.occupancy(classId);
        parameters.put("CLASS_TITLE", details.code() + " · " + details.name());
        parameters.put("COURSE", courses.get(details.courseId()).name());
        parameters.put("TERM", terms.get(details.termId()).name());
        parameters.put("CAMPUS", Optional.ofNullable(institution.campusesById(List.of(details.campusId()))
                .get(details.campusId())).map(c -> c.name()).orElse(""));
        parameters.put("ROOM", rooms.get(details.roomId()).name());
        parameters.put("TEACHERS", Lists.join(locale, users.displayNames(details.teacherIds()).values().stream()
                .sorted().toList()));
        parameters.put("SCHEDULE", schedule(details.recurrence(), locale));
        parameters.put("STATUS", text(details.status().messageKey(), locale));
        parameters.put("COUNTS", messages.getMessage("report.roster.counts", new Object[] {occupancy.places(),
                occupancy.enrolled(), occupancy.waiting()}, locale));

        List<Enrollment> current = new ArrayList<>();
        var page = PageRequest.of(0, PAGE);
        while (true) {
            var slice = enrollments.enrollments(classId, true, page);
            current.addAll(slice.getContent());
            if (!slice.hasNext()) {
                break;
            }
            page = page.next();
        }
        // Enrolled students alphabetically, as a register is read; the waiting list keeps its order.
        var collator = java.text.Collator.getInstance(locale);
        current.sort(java.util.Comparator.comparing((Enrollment e) -> e.status() == EnrollmentStatus.WAITING)
                .thenComparing((a, b) -> a.status() == EnrollmentStatus.WAITING ? 0
                        : collator.compare(a.studentName(), b.studentName())));
        Map<Long, StudentContacts> contacts = students.contacts(current.stream().map(Enrollment::studentId).toList());
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        List<Map<String, ?>> rows = new ArrayList<>();
        int number = 0;
        for (Enrollment e : current) {
            boolean waiting = e.status() == EnrollmentStatus.WAITING;
            var contact = contacts.get(e.studentId());
            Map<String, Object> row = new HashMap<>();
            row.put("section", waiting ? "2" : "1");
            row.put("number", waiting ? e.waitingPosition() : ++number);
            row.put("studentNumber", e.studentNumber());
            row.put("name", name(e.studentName(), contact));
            var date = waiting ? e.waitingSince() : e.enrolledOn();
            row.put("date", date == null ? "" : dates.format(date));
            row.put("guardians", contact == null ? "" : contact.guardians().stream()
                    .map(g -> guardian(g, locale)).collect(Collectors.joining("\n")));
            rows.add(row);
        }
        return new JRMapCollectionDataSource(rows);
    }

    private static String name(String displayName, @Nullable StudentContacts contact) {
        String chinese = contact == null ? null : contact.chineseName();
        return chinese == null || chinese.isBlank() ? displayName : displayName + "\n" + chinese;
    }

    private String guardian(GuardianView g, Locale locale) {
        List<String> parts = new ArrayList<>();
        parts.add(messages.getMessage("report.roster.guardian",
                new Object[] {g.fullName(), text(g.relationship().messageKey(), locale)}, locale));
        if (g.phone() != null && !g.phone().isBlank()) {
            parts.add(ContactNormaliser.display(g.phone()));
        }
        if (g.email() != null && !g.email().isBlank()) {
            parts.add(g.email());
        }
        return String.join(" · ", parts);
    }

    /** "Tue, Thu 16:00–17:30, 1 Sep 2026 – 20 Jan 2027". */
    private String schedule(@Nullable Recurrence rule, Locale locale) {
        if (rule == null) {
            return text("report.roster.no-schedule", locale);
        }
        String days = Lists.join(locale, rule.weekdays().stream().sorted().map(d -> dayName(d, locale)).toList());
        var time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        var date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        return messages.getMessage("report.roster.schedule", new Object[] {days, time.format(rule.startTime()),
                time.format(rule.endTime()), date.format(rule.from()), date.format(rule.to())}, locale);
    }

    private static String dayName(DayOfWeek day, Locale locale) {
        return day.getDisplayName(TextStyle.SHORT, locale);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
