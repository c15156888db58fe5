package io.campuscrm.reporting.internal;

import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
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

import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.reporting.ReportChoice;
import io.campuscrm.reporting.ReportInfo;
import io.campuscrm.reporting.ReportParameter;
import io.campuscrm.reporting.ReportRequest;
import io.campuscrm.scheduling.ClassFilter;
import io.campuscrm.scheduling.ClassOccupancy;
import io.campuscrm.scheduling.ClassSearch;
import io.campuscrm.scheduling.ClassStatus;
import io.campuscrm.scheduling.ClassSummary;
import io.campuscrm.scheduling.EnrollmentService;
import io.campuscrm.scheduling.Term;
import io.campuscrm.scheduling.TermService;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.security.Role;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * "Enrollments by course and term": the term's classes (optionally of one campus) grouped by course, each with its
 * places (the smaller of class capacity and room seats, as scheduling counts them), enrolled and waiting students and
 * how full it is; subtotals per course and a total. Cancelled classes are left out: they hold nobody.
 */
@Component
class EnrollmentsByCourseReport implements ReportDefinition {

    static final String ID = "enrollments-by-course";
    static final String TERM = "termId";
    static final String CAMPUS = "campusId";
    private static final int PAGE = 200;

    private final ClassSearch classes;
    private final EnrollmentService enrollments;
    private final TermService terms;
    private final InstitutionService institution;
    private final MessageSource messages;

    EnrollmentsByCourseReport(ClassSearch classes, EnrollmentService enrollments, TermService terms,
            InstitutionService institution, MessageSource messages) {
        this.classes = classes;
        this.enrollments = enrollments;
        this.terms = terms;
        this.institution = institution;
        this.messages = messages;
    }

    @Override
    public ReportInfo info() {
        return new ReportInfo(ID, "report.enrollments.title", "report.enrollments.description",
                List.of(ReportParameter.requiredChoice(TERM, "report.enrollments.term"),
                        ReportParameter.optionalChoice(CAMPUS, "report.enrollments.campus")));
    }

    @Override
    public String template() {
        return ID;
    }

    @Override
    public Set<Role> allowedRoles() {
        return Set.of(Role.ADMIN, Role.ADMISSIONS, Role.FINANCE);
    }

    @Override
    public List<ReportChoice> choices(String parameter, String text, Pageable page) {
        String match = text.strip().toLowerCase(Locale.ROOT);
        if (CAMPUS.equals(parameter)) {
            // a handful of campuses: filtered here
            return institution.campuses().stream()
                    .filter(c -> c.name().toLowerCase(Locale.ROOT).contains(match))
                    .skip(page.getOffset()).limit(page.getPageSize())
                    .map(c -> new ReportChoice(String.valueOf(c.id()), c.name())).toList();
        }
        if (TERM.equals(parameter)) {
            // terms are few (a handful a year) and come latest first
            return terms.find(PageRequest.of(0, 500, Sort.by(Sort.Order.desc("startsOn")))).stream()
                    .filter(t -> t.name().toLowerCase(Locale.ROOT).contains(match))
                    .skip(page.getOffset()).limit(page.getPageSize())
                    .map(t -> new ReportChoice(String.valueOf(t.id()), t.name())).toList();
        }
        return List.of();
    }

    @Override
    public Optional<ReportChoice> choice(String parameter, String value) {
        Long id = ReportChoices.id(value);
        if (id == null) {
            return Optional.empty();
        }
        if (CAMPUS.equals(parameter)) {
            return Optional.ofNullable(institution.campusesById(List.of(id)).get(id))
                    .map(c -> new ReportChoice(value, c.name()));
        }
        if (TERM.equals(parameter)) {
            try {
                return Optional.of(new ReportChoice(value, terms.get(id).name()));
            } catch (DomainException notFound) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Override
    public JRDataSource fill(ReportRequest request, Map<String, Object> parameters) {
        Locale locale = request.locale();
        Term term = terms.get(Long.parseLong(request.parameters().get(TERM)));
        @Nullable Long campusId = Optional.ofNullable(request.parameters().get(CAMPUS)).map(Long::parseLong)
                .orElse(null);
        Map<Long, String> campusNames = institution.campuses().stream()
                .collect(Collectors.toMap(Campus::id, Campus::name));
        parameters.put("TERM", term.name());
        parameters.put("CAMPUS", campusId == null ? messages.getMessage("report.enrollments.all-campuses", null, locale)
                : campusNames.getOrDefault(campusId, "#" + campusId));

        List<ClassSummary> found = new ArrayList<>();
        Map<Long, ClassOccupancy> occupancies = new HashMap<>();
        var page = PageRequest.of(0, PAGE, Sort.by("code"));
        var filter = new ClassFilter(null, campusId, term.id(), null, null, null);
        while (true) {
            var slice = classes.find(filter, page);
            var held = slice.getContent().stream().filter(c -> c.status() != ClassStatus.CANCELLED).toList();
            found.addAll(held);
            // one batch per page of classes, not a round of statements per class
            occupancies.putAll(enrollments.occupancies(held.stream().map(ClassSummary::id).toList()));
            if (!slice.hasNext()) {
                break;
            }
            page = page.next();
        }
        var collator = Collator.getInstance(locale);
        found.sort(Comparator.comparing(ClassSummary::courseName, collator).thenComparing(ClassSummary::courseId)
                .thenComparing(ClassSummary::code, collator));
        List<Map<String, ?>> rows = new ArrayList<>();
        for (ClassSummary c : found) {
            var occupancy = occupancies.get(c.id());
            if (occupancy == null) {
                continue; // deleted since the list was read: it holds nobody now
            }
            Map<String, Object> row = new HashMap<>();
            row.put("courseKey", String.valueOf(c.courseId()));
            row.put("course", c.courseName());
            row.put("classCode", c.code());
            row.put("className", c.name());
            row.put("campus", campusNames.getOrDefault(c.campusId(), ""));
            row.put("status", messages.getMessage(c.status().messageKey(), null, locale));
            row.put("places", occupancy.places());
            row.put("enrolled", occupancy.enrolled());
            row.put("waiting", occupancy.waiting());
            rows.add(row);
        }
        return new JRMapCollectionDataSource(rows);
    }
}
