package io.campuscrm.scheduling;

import java.util.Locale;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

import io.campuscrm.scheduling.internal.CourseEntity;
import io.campuscrm.scheduling.internal.CourseRepository;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;

import jakarta.validation.Valid;

/** The course catalogue. Everyone on the staff reads it; administrators change it. */
@Service
@Validated
@Transactional(readOnly = true)
public class CourseService {

    private final CourseRepository courses;
    private final ApplicationEventPublisher events;

    CourseService(CourseRepository courses, ApplicationEventPublisher events) {
        this.courses = courses;
        this.events = events;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'ADMISSIONS', 'TEACHER', 'FINANCE')")
    public Slice<Course> find(CourseFilter filter, Pageable page) {
        return courses.search(pattern(filter.text()), filter.active(), page).map(CourseEntity::toCourse);
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'ADMISSIONS', 'TEACHER', 'FINANCE')")
    public Course get(long id) {
        return load(id).toCourse();
    }

    /** These courses, by id, in one statement (for other modules' lists); unknown ids are left out. */
    @PreAuthorize("hasAnyRole('ADMIN', 'ADMISSIONS', 'TEACHER', 'FINANCE')")
    public java.util.Map<Long, Course> all(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return java.util.Map.of();
        }
        return courses.findAllById(java.util.Set.copyOf(ids)).stream().map(CourseEntity::toCourse)
                .collect(java.util.stream.Collectors.toMap(Course::id, c -> c));
    }

    /**
     * The courses whose code or name (whatever the case) is one of these, in one statement: a file of leads names
     * its courses so. A text may find a course by its code and another by its name.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'ADMISSIONS', 'TEACHER', 'FINANCE')")
    public java.util.List<Course> byCodeOrName(java.util.Collection<String> texts) {
        var lower = texts.stream().filter(StringUtils::hasText).map(t -> t.strip().toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toSet());
        if (lower.isEmpty()) {
            return java.util.List.of();
        }
        return courses.findByCodeOrName(lower).stream().map(CourseEntity::toCourse).toList();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Course create(@Valid CourseDraft draft) {
        requireUniqueCode(draft.code(), null);
        var saved = courses.saveAndFlush(new CourseEntity(draft)).toCourse();
        events.publishEvent(AuditEvent.created("Course", saved.id(),
                AuditSummary.of("audit.course.created", saved.code()), draft));
        return saved;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Course update(long id, long version, @Valid CourseDraft draft) {
        var entity = load(id);
        entity.checkVersion(version);
        requireUniqueCode(draft.code(), id);
        var before = entity.toDraft();
        entity.apply(draft);
        var saved = courses.saveAndFlush(entity).toCourse();
        events.publishEvent(AuditEvent.updated("Course", id, AuditSummary.of("audit.course.changed", saved.code()),
                before, entity.toDraft()));
        return saved;
    }

    private void requireUniqueCode(String code, Long exceptId) {
        courses.findByCodeIgnoreCase(code.strip()).filter(c -> !c.getId().equals(exceptId)).ifPresent(c -> {
            throw new DomainException("code", "course.error.duplicate-code", code.strip());
        });
    }

    private CourseEntity load(long id) {
        return courses.findById(id).orElseThrow(() -> new NotFoundException());
    }

    static String pattern(String text) {
        return StringUtils.hasText(text) ? "%" + text.strip().toLowerCase(Locale.ROOT) + "%" : null;
    }
}
