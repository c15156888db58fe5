package io.campuscrm.reporting.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Component;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.reporting.ReportChoice;
import io.campuscrm.scheduling.ClassFilter;
import io.campuscrm.scheduling.ClassSearch;
import io.campuscrm.scheduling.RoomFilter;
import io.campuscrm.scheduling.RoomService;
import io.campuscrm.scheduling.TimetableScope;
import io.campuscrm.scheduling.TimetableService;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.security.AccessScope;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.students.StudentSearch;

/**
 * What a printed timetable can be of, as one picker by name: campuses, teachers, rooms, classes and students that
 * match the typed text and that the user may see ("Teacher: Daniel Lim", "Room O-101"). A choice's value is the kind
 * and the id ({@code teacher:42}); a value the user may not see is no choice, exactly like one that does not exist.
 */
@Component
class TimetableSubjects implements TimetableReport.Choices {

    /** Of each kind at most this many matches: the text narrows the rest. */
    private static final int PER_KIND = 8;

    private final TimetableService timetables;
    private final InstitutionService institution;
    private final UserService users;
    private final RoomService rooms;
    private final ClassSearch classes;
    private final StudentSearch students;
    private final CurrentUser currentUser;
    private final MessageSource messages;

    TimetableSubjects(TimetableService timetables, InstitutionService institution, UserService users,
            RoomService rooms, ClassSearch classes, StudentSearch students, CurrentUser currentUser,
            MessageSource messages) {
        this.timetables = timetables;
        this.institution = institution;
        this.users = users;
        this.rooms = rooms;
        this.classes = classes;
        this.students = students;
        this.currentUser = currentUser;
        this.messages = messages;
    }

    static String value(TimetableScope scope) {
        return scope.kind() + ":" + scope.id();
    }

    static Optional<TimetableScope> scope(String value) {
        int colon = value.indexOf(':');
        Long id = colon < 0 ? null : ReportChoices.id(value.substring(colon + 1).strip());
        return id == null ? Optional.empty() : TimetableScope.of(value.substring(0, colon).strip(), id);
    }

    @Override
    public List<ReportChoice> choices(String parameter, String text, Pageable page) {
        if (page.getOffset() > 0) {
            return List.of(); // one page of the best matches of every kind
        }
        String match = text.strip();
        String lower = match.toLowerCase(Locale.ROOT);
        AccessScope scope = currentUser.scope();
        var first = PageRequest.of(0, PER_KIND);
        List<ReportChoice> found = new ArrayList<>();
        institution.campuses().stream()
                .filter(c -> scope.seesCampus(c.id()) && c.name().toLowerCase(Locale.ROOT).contains(lower))
                .forEach(c -> found.add(choice(TimetableScope.campus(c.id()), c.name())));
        if (scope.teacherOnly()) {
            long me = scope.ownClassesOf();
            users.displayNames(List.of(me)).forEach((id, name) -> {
                if (name.toLowerCase(Locale.ROOT).contains(lower)) {
                    found.add(choice(TimetableScope.teacher(id), name));
                }
            });
        } else {
            users.colleagues(Role.TEACHER, match.isEmpty() ? null : match, first)
                    .forEach(t -> found.add(choice(TimetableScope.teacher(t.id()), t.displayName())));
            rooms.find(new RoomFilter(null, match.isEmpty() ? null : match, true), first)
                    .forEach(r -> found.add(choice(TimetableScope.room(r.id()), r.name())));
        }
        classes.find(new ClassFilter(match.isEmpty() ? null : match, null, null, null, null, null), first)
                .forEach(c -> found.add(choice(TimetableScope.schoolClass(c.id()), c.code() + " — " + c.name())));
        if (!match.isEmpty()) {
            students.quickSearch(match, PER_KIND)
                    .forEach(st -> found.add(choice(TimetableScope.student(st.id()), st.displayName())));
        }
        return found.stream().limit(page.getPageSize()).toList();
    }

    @Override
    public Optional<ReportChoice> choice(String parameter, String value) {
        return scope(value).flatMap(s -> timetables.subjectName(s).map(name -> choice(s, name)));
    }

    private ReportChoice choice(TimetableScope scope, String name) {
        return new ReportChoice(value(scope), messages.getMessage("report.timetable.subject." + scope.kind(),
                new Object[] {name}, LocaleContextHolder.getLocale()));
    }
}
