package io.campuscrm.reporting.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Component;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.reporting.ReportChoice;
import io.campuscrm.scheduling.ClassFilter;
import io.campuscrm.scheduling.ClassSearch;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.students.StudentSearch;

/**
 * The options of the attendance reports' pickers, each narrowed to what the user may see: classes (a teacher's own),
 * students, campuses (an office user's own), teachers (a teacher only themselves). A value out of reach is no
 * option, exactly like one that does not exist.
 */
@Component
class AttendanceChoices {

    private final ClassSearch classes;
    private final StudentSearch students;
    private final UserService users;
    private final InstitutionService institution;
    private final CurrentUser currentUser;

    AttendanceChoices(ClassSearch classes, StudentSearch students, UserService users, InstitutionService institution,
            CurrentUser currentUser) {
        this.classes = classes;
        this.students = students;
        this.users = users;
        this.institution = institution;
        this.currentUser = currentUser;
    }

    List<ReportChoice> classes(String text, Pageable page) {
        var sorted = PageRequest.of(page.getPageNumber(), page.getPageSize(), Sort.by("code"));
        return classes.find(new ClassFilter(text.isBlank() ? null : text, null, null, null, null, null), sorted)
                .map(c -> new ReportChoice(String.valueOf(c.id()), c.code() + " · " + c.name() + " (" + c.termName()
                        + ")")).getContent();
    }

    Optional<ReportChoice> schoolClass(String value) {
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

    /** The best matches of the typed text: one page, as the quick search gives them. */
    List<ReportChoice> students(String text, Pageable page) {
        if (page.getOffset() > 0) {
            return List.of();
        }
        return students.quickSearch(text, page.getPageSize()).stream()
                .map(s -> new ReportChoice(String.valueOf(s.id()), s.displayName() + " · " + s.studentNumber()))
                .toList();
    }

    Optional<ReportChoice> student(String value) {
        Long id = ReportChoices.id(value);
        return id == null ? Optional.empty() : students.reference(id)
                .map(s -> new ReportChoice(value, s.displayName() + " · " + s.studentNumber()));
    }

    /** The campuses the user works at (a handful: filtered here). */
    List<ReportChoice> campuses(String text, Pageable page) {
        String match = text.strip().toLowerCase(Locale.ROOT);
        var scope = currentUser.scope();
        return institution.campuses().stream().filter(c -> scope.seesCampus(c.id()))
                .filter(c -> c.name().toLowerCase(Locale.ROOT).contains(match))
                .skip(page.getOffset()).limit(page.getPageSize())
                .map(c -> new ReportChoice(String.valueOf(c.id()), c.name())).toList();
    }

    Optional<ReportChoice> campus(String value) {
        Long id = ReportChoices.id(value);
        if (id == null || !currentUser.scope().seesCampus(id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(institution.campusesById(List.of(id)).get(id))
                .map(c -> new ReportChoice(value, c.name()));
    }

    /** Teachers by name; a teacher without an office role has only themselves to choose. */
    List<ReportChoice> teachers(String text, Pageable page) {
        var scope = currentUser.scope();
        if (scope.teacherOnly()) {
            return page.getOffset() > 0 ? List.of() : teacher(String.valueOf(scope.ownClassesOf())).stream()
                    .filter(c -> c.label().toLowerCase(Locale.ROOT).contains(text.strip().toLowerCase(Locale.ROOT)))
                    .toList();
        }
        return users.colleagues(Role.TEACHER, text.isBlank() ? null : text, page)
                .map(t -> new ReportChoice(String.valueOf(t.id()), t.displayName())).getContent();
    }

    Optional<ReportChoice> teacher(String value) {
        Long id = ReportChoices.id(value);
        var scope = currentUser.scope();
        if (id == null || scope.seesNothing() || (scope.teacherOnly() && scope.ownClassesOf() != id.longValue())) {
            return Optional.empty();
        }
        return Optional.ofNullable(users.displayNames(List.of(id)).get(id)).map(name -> new ReportChoice(value, name));
    }
}
