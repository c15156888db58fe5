package io.campuscrm.scheduling;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.campuscrm.scheduling.internal.CourseRepository;
import io.campuscrm.scheduling.internal.RoomRepository;
import io.campuscrm.scheduling.internal.ScheduleRules;
import io.campuscrm.scheduling.internal.SchedulingAccess;
import io.campuscrm.scheduling.internal.SchoolClassEntity;
import io.campuscrm.scheduling.internal.SchoolClassRepository;
import io.campuscrm.scheduling.internal.TermRepository;
import io.campuscrm.security.UserService;

/**
 * Reading classes: the list with its filters (with course, term, room and teacher names) and one class. Office staff
 * read their campuses' classes; a teacher reads the classes they teach; a class outside that answers like a missing
 * one. Classes change through {@link ClassLifecycle}; their sessions are read and changed through
 * {@link SessionService}.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class ClassSearch {

    private final SchoolClassRepository classes;
    private final CourseRepository courses;
    private final TermRepository terms;
    private final RoomRepository rooms;
    private final ScheduleRules rules;
    private final SchedulingAccess access;
    private final UserService users;

    ClassSearch(SchoolClassRepository classes, CourseRepository courses, TermRepository terms, RoomRepository rooms,
            ScheduleRules rules, SchedulingAccess access, UserService users) {
        this.classes = classes;
        this.courses = courses;
        this.terms = terms;
        this.rooms = rooms;
        this.rules = rules;
        this.access = access;
        this.users = users;
    }

    @PreAuthorize(SchedulingRoles.READERS)
    public Slice<ClassSummary> find(ClassFilter filter, Pageable page) {
        var scope = access.scope();
        var slice = classes.search(CourseService.pattern(filter.text()), filter.campusId(), filter.termId(),
                filter.courseId(), filter.teacherId(), filter.status(), scope.allCampuses(),
                scope.campusIdsOrNone(), scope.ownTeacherId(), page);
        var content = slice.getContent();
        Map<Long, String> courseNames = new LinkedHashMap<>();
        courses.findAllById(content.stream().map(SchoolClassEntity::getCourseId).distinct().toList())
                .forEach(c -> courseNames.put(c.getId(), c.getName()));
        Map<Long, String> termNames = new LinkedHashMap<>();
        terms.findAllById(content.stream().map(SchoolClassEntity::getTermId).distinct().toList())
                .forEach(t -> termNames.put(t.getId(), t.getName()));
        Map<Long, String> roomNames = new LinkedHashMap<>();
        rooms.findAllById(content.stream().map(SchoolClassEntity::getRoomId).distinct().toList())
                .forEach(r -> roomNames.put(r.getId(), r.getName()));
        Set<Long> teacherIds = new HashSet<>();
        content.forEach(c -> teacherIds.addAll(c.getTeacherIds()));
        Map<Long, String> teacherNames = users.displayNames(teacherIds);
        return slice.map(c -> {
            var d = c.toDetails();
            return new ClassSummary(d.id(), d.code(), d.name(), d.courseId(), courseNames.getOrDefault(d.courseId(), ""),
                    d.termId(), termNames.getOrDefault(d.termId(), ""), d.campusId(), d.roomId(),
                    roomNames.getOrDefault(d.roomId(), ""), d.teacherIds().stream().map(teacherNames::get)
                            .filter(Objects::nonNull).sorted().toList(),
                    d.capacity(), d.status(), d.recurrence());
        });
    }

    /**
     * How these classes are named in other modules' lists and reports ("ENG-101 — English 1"), by id, in a fixed
     * number of statements; classes the user may not see are left out.
     */
    @PreAuthorize(SchedulingRoles.READERS)
    public Map<Long, ClassLabel> labels(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        var scope = access.scope();
        Map<Long, ClassLabel> labels = new LinkedHashMap<>();
        classes.findAllById(Set.copyOf(ids)).stream().filter(c -> scope.seesClass(c.getCampusId(),
                c.getTeacherIds())).forEach(c -> labels.put(c.getId(), new ClassLabel(c.getId(), c.getCode(),
                        c.toDetails().name(), c.getCourseId(), c.getCampusId(), List.copyOf(c.getTeacherIds()))));
        return labels;
    }

    /** The ids of the classes this teacher teaches (their own, to a teacher; any teacher's, to the office). */
    @PreAuthorize(SchedulingRoles.READERS)
    public List<Long> classIdsTaughtBy(long teacherUserId) {
        var me = access.scope().ownTeacherId();
        if (me != null && me != teacherUserId) {
            return List.of();
        }
        return classes.findIdsTaughtBy(teacherUserId);
    }

    @PreAuthorize(SchedulingRoles.READERS)
    public ClassDetails get(long id) {
        return rules.visibleClass(id).toDetails();
    }
}
