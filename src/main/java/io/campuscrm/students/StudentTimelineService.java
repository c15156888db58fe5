package io.campuscrm.students;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.students.internal.StudentAccess;
import io.campuscrm.students.internal.StudentEventEntity;
import io.campuscrm.students.internal.StudentEventRepository;
import io.campuscrm.students.internal.StudentRepository;

/**
 * A student's timeline: the students module's own history (created, changes, status, family, notes, documents)
 * merged with every {@link StudentTimelineSource}, newest first, a page at a time ("before" the last one shown).
 */
@Service
@Transactional(readOnly = true)
public class StudentTimelineService {

    private static final Logger log = LoggerFactory.getLogger(StudentTimelineService.class);
    static final int MAX_LIMIT = 200;

    private final StudentEventRepository events;
    private final StudentRepository students;
    private final StudentAccess access;
    private final ObjectProvider<StudentTimelineSource> sources;

    StudentTimelineService(StudentEventRepository events, StudentRepository students, StudentAccess access,
            ObjectProvider<StudentTimelineSource> sources) {
        this.events = events;
        this.students = students;
        this.access = access;
        this.sources = sources;
    }

    /**
     * @param before only entries strictly before this instant (the last one of the previous page); null: newest
     * @param limit  the page size
     */
    @PreAuthorize(StudentRoles.READ)
    public List<TimelineEntry> timeline(long studentId, @Nullable Instant before, int limit) {
        var student = students.findById(studentId).orElseThrow(() -> new NotFoundException());
        access.requireVisible(access.scope(), studentId, student.getCampusId());
        int size = Math.max(1, Math.min(limit, MAX_LIMIT));
        List<TimelineEntry> merged = new ArrayList<>(events.findByStudent(studentId, before, PageRequest.of(0, size))
                .map(StudentEventEntity::toEntry).getContent());
        sources.orderedStream().forEach(source -> {
            try {
                merged.addAll(source.entries(studentId, before, size));
            } catch (RuntimeException e) {
                // One module's failure must not hide the rest of the file.
                log.warn("Timeline source {} failed for student {}", source.getClass().getSimpleName(), studentId, e);
            }
        });
        List<TimelineEntry> sorted = merged.stream()
                .filter(e -> before == null || e.occurredAt().isBefore(before))
                .sorted(Comparator.comparing(TimelineEntry::occurredAt).reversed())
                .toList();
        // Entries at the same instant as the page's last stay together: the next page starts strictly before it.
        int end = Math.min(size, sorted.size());
        while (end > 0 && end < sorted.size()
                && sorted.get(end).occurredAt().equals(sorted.get(end - 1).occurredAt())) {
            end++;
        }
        return sorted.subList(0, end);
    }
}
