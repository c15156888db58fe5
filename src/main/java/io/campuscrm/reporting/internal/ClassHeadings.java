package io.campuscrm.reporting.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.ClassLabel;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.i18n.Lists;

/** How the attendance reports head a class: its code and name, then its course, campus and teachers. */
@Component
class ClassHeadings {

    /** "ENG-101 · English 1" and "English B1 · Orchard · Teachers: Daniel Lim, Mei Tan". */
    record Heading(String title, String details) {
    }

    private final CourseService courses;
    private final UserService users;
    private final InstitutionService institution;
    private final MessageSource messages;

    ClassHeadings(CourseService courses, UserService users, InstitutionService institution,
            MessageSource messages) {
        this.courses = courses;
        this.users = users;
        this.institution = institution;
        this.messages = messages;
    }

    Heading of(ClassLabel label, Locale locale) {
        var course = courses.all(List.of(label.courseId())).get(label.courseId());
        var campus = institution.campusesById(List.of(label.campusId())).get(label.campusId());
        String teachers = Lists.join(locale, users.displayNames(label.teacherIds()).values().stream().sorted()
                .toList());
        return new Heading(label.code() + " · " + label.name(), messages.getMessage("report.att.class-details",
                new Object[] {course == null ? "" : course.name(), campus == null ? "" : campus.name(), teachers},
                locale));
    }
}
