package io.campuscrm.attendance.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Collection;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.campuscrm.attendance.LessonPackageService;
import io.campuscrm.attendance.PackageBalance;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.Course;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.shared.i18n.Money;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;
import io.campuscrm.students.FamilyChildrenColumn;

/**
 * On the family tab, what each child has left: per course, the lessons (or hours) left and their prepaid value
 * (余费), or the lessons owed; a child without a package says so. Two statements for the whole family (balances,
 * course names).
 */
@Component
class FamilyLessonsColumn implements FamilyChildrenColumn {

    private final LessonPackageService packages;
    private final CourseService courses;
    private final InstitutionService institution;
    private final MessageSource messages;
    private final CurrentUser currentUser;

    FamilyLessonsColumn(LessonPackageService packages, CourseService courses, InstitutionService institution,
            MessageSource messages, CurrentUser currentUser) {
        this.packages = packages;
        this.courses = courses;
        this.institution = institution;
        this.messages = messages;
        this.currentUser = currentUser;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public String headerKey() {
        return "family.lessons";
    }

    @Override
    public boolean visibleToCurrentUser() {
        return currentUser.hasRole(Role.ADMIN) || currentUser.hasRole(Role.ADMISSIONS)
                || currentUser.hasRole(Role.FINANCE) || currentUser.hasRole(Role.TEACHER);
    }

    @Override
    public Map<Long, String> values(Collection<Long> studentIds, Locale locale) {
        var balances = packages.balancesOf(studentIds);
        var names = courses.all(balances.values().stream().flatMap(b -> b.keySet().stream()).distinct().toList());
        var currency = institution.settings().currency();
        var numbers = NumberFormat.getInstance(locale);
        Map<Long, String> values = new HashMap<>();
        for (long studentId : studentIds) {
            var byCourse = balances.getOrDefault(studentId, Map.of());
            if (byCourse.isEmpty()) {
                values.put(studentId, messages.getMessage("family.lessons.none", null, locale));
                continue;
            }
            values.put(studentId, byCourse.values().stream()
                    .sorted(Comparator.comparing((PackageBalance b) -> name(names, b.courseId())))
                    .map(b -> line(b, name(names, b.courseId()), numbers, currency, locale))
                    .collect(Collectors.joining(" · ")));
        }
        return values;
    }

    private String line(PackageBalance balance, String course, NumberFormat numbers, Currency currency,
            Locale locale) {
        String left = messages.getMessage("family.lessons.course", new Object[] {course,
                numbers.format(balance.remaining()), Money.format(balance.remainingValue(), currency, locale)},
                locale);
        return balance.owing() && balance.remaining().compareTo(BigDecimal.ZERO) == 0
                ? messages.getMessage("family.lessons.owes", new Object[] {course, numbers.format(balance.owed())},
                        locale)
                : left;
    }

    private static String name(Map<Long, Course> names, long courseId) {
        var course = names.get(courseId);
        return course == null ? "#" + courseId : course.name();
    }
}
