package io.campuscrm.students;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.students.internal.DuplicateFinder;
import io.campuscrm.students.internal.SearchQuery;
import io.campuscrm.students.internal.StudentAccess;
import io.campuscrm.students.internal.StudentRepository;
import io.campuscrm.students.internal.StudentSearchRepository;

/**
 * Finding students: the list with its filters, the quick search, tags for autocomplete, the counts of the dashboard,
 * and the names and numbers other modules show for student ids ({@link #references}). Only the students the user
 * may see are found; a teacher's are their students ({@link TeacherStudentScope}), a user with campuses sees those
 * campuses' students. Nothing here opens a file (that is {@link StudentFiles}), so nothing here is audited.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class StudentSearch {

    private final StudentSearchRepository search;
    private final StudentRepository students;
    private final StudentAccess access;
    private final DuplicateFinder duplicates;
    private final InstitutionService institution;
    private final Clock clock;

    StudentSearch(StudentSearchRepository search, StudentRepository students, StudentAccess access,
            DuplicateFinder duplicates, InstitutionService institution, Clock clock) {
        this.search = search;
        this.students = students;
        this.access = access;
        this.duplicates = duplicates;
        this.institution = institution;
        this.clock = clock;
    }

    /**
     * A page of the students the user may see that match the filter. With a text and no sort, the best matches
     * come first (exact number, phone or e-mail; then names that start with it; then any part); otherwise by the
     * page's sort (by name in a language's order, {@link StudentSort}; {@code studentNumber}, {@code status},
     * {@code createdAt}, {@code birthDate}), then the id. Without a text and a sort, by name in English order.
     */
    /**
     * The students and guardians with one of these contacts' phone or e-mail, for each contact in its order: one
     * statement per kind of look-up however many contacts there are (admissions checks a lead, or a file of them,
     * against the people the school knows). Whoever enters people: the office.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'ADMISSIONS')")
    public List<List<DuplicateMatch>> contactMatches(List<ContactQuery> contacts) {
        if (contacts.isEmpty()) {
            return List.of();
        }
        return duplicates.findAll(contacts.stream().map(c -> new DuplicateFinder.Entry(c.enteredFor(), c.e164(),
                c.email(), null, null)).toList());
    }

    @PreAuthorize(StudentRoles.READ)
    public Slice<StudentSummary> find(StudentFilter filter, Pageable page) {
        var query = StringUtils.hasText(filter.text()) ? SearchQuery.of(filter.text()) : null;
        var filters = new StudentSearchRepository.Filters(filter.status(), filter.campusId(),
                StringUtils.hasText(filter.tag()) ? filter.tag().strip() : null);
        return search.find(query, filters, access.scope(), page);
    }

    /** The quick search: the best {@code limit} matches of one search text. */
    @PreAuthorize(StudentRoles.READ)
    public List<StudentSummary> quickSearch(String text, int limit) {
        if (!StringUtils.hasText(text)) {
            return List.of();
        }
        return search.find(SearchQuery.of(text), new StudentSearchRepository.Filters(null, null, null),
                access.scope(), PageRequest.of(0, limit)).getContent();
    }

    /**
     * Names and numbers of these students, for other modules' lists (rosters, invoices). Students the user may
     * not see are left out of the map, so callers show a placeholder for a missing id.
     */
    @PreAuthorize(StudentRoles.READ)
    public Map<Long, StudentRef> references(Collection<Long> ids) {
        return search.references(Set.copyOf(ids), access.scope());
    }

    @PreAuthorize(StudentRoles.READ)
    public Optional<StudentRef> reference(long id) {
        return Optional.ofNullable(references(List.of(id)).get(id));
    }

    /** Tags in use that start with {@code prefix}, for autocomplete. */
    @PreAuthorize(StudentRoles.READ)
    public List<String> tags(String prefix, int limit) {
        return search.tags(prefix, limit, access.scope());
    }

    /** Students per status and new this month, among the students the user may see. */
    @PreAuthorize(StudentRoles.READ)
    public StudentStats stats() {
        var scope = access.scope();
        boolean all = scope.campusIds() == null;
        Collection<Long> campusIds = all || scope.campusIds().isEmpty() ? List.of(-1L) : scope.campusIds();
        boolean allStudents = scope.studentIds() == null;
        Collection<Long> studentIds = allStudents || scope.studentIds().isEmpty() ? List.of(-1L) : scope.studentIds();
        Map<StudentStatus, Long> byStatus = new EnumMap<>(StudentStatus.class);
        for (Object[] row : students.countByStatus(all, campusIds, allStudents, studentIds)) {
            byStatus.put((StudentStatus) row[0], (Long) row[1]);
        }
        var zone = institution.settings().timeZone();
        var monthStart = ZonedDateTime.now(clock.withZone(zone)).toLocalDate().withDayOfMonth(1).atStartOfDay(zone)
                .toInstant();
        return new StudentStats(byStatus, students.countCreatedSince(monthStart, all, campusIds, allStudents,
                studentIds));
    }
}
