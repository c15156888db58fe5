package io.campuscrm.students;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.security.CampusPrincipal;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.students.internal.StudentAccess;
import io.campuscrm.students.internal.StudentEventEntity.Kind;
import io.campuscrm.students.internal.StudentHistory;
import io.campuscrm.students.internal.StudentNoteEntity;
import io.campuscrm.students.internal.StudentNoteRepository;
import io.campuscrm.students.internal.StudentRepository;

/** Timestamped notes on a student's file, by their author; kept as written. */
@Service
@Transactional(readOnly = true)
public class StudentNoteService {

    static final int MAX_LENGTH = 4000;

    private final StudentNoteRepository notes;
    private final StudentRepository students;
    private final StudentAccess access;
    private final StudentHistory history;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StudentNoteService(StudentNoteRepository notes, StudentRepository students, StudentAccess access,
            StudentHistory history, CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.notes = notes;
        this.students = students;
        this.access = access;
        this.history = history;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** Newest first. */
    @PreAuthorize(StudentRoles.READ)
    public Slice<StudentNote> notes(long studentId, Pageable page) {
        requireVisible(studentId);
        return notes.findByStudent(studentId, page).map(StudentNoteEntity::toNote);
    }

    @PreAuthorize(StudentRoles.WRITE)
    @Transactional
    public StudentNote add(long studentId, String body) {
        requireVisible(studentId);
        String text = body == null ? "" : body.strip();
        if (text.isEmpty()) {
            throw new DomainException("body", "note.error.empty");
        }
        if (text.length() > MAX_LENGTH) {
            throw new DomainException("body", "note.error.too-long", MAX_LENGTH);
        }
        String authorName = currentUser.principal().map(CampusPrincipal::displayName).orElse(currentUser.username());
        var note = notes.saveAndFlush(new StudentNoteEntity(studentId, text, currentUser.username(), authorName,
                clock.instant())).toNote();
        history.record(studentId, Kind.NOTE_ADDED, authorName, text);
        events.publishEvent(AuditEvent.created("StudentNote", note.id(),
                AuditSummary.of("audit.student.note-added", studentId), new NoteSnapshot(studentId, text)));
        return note;
    }

    private void requireVisible(long studentId) {
        var student = students.findById(studentId).orElseThrow(() -> new NotFoundException());
        access.requireVisible(access.scope(), studentId, student.getCampusId());
    }

    private record NoteSnapshot(long studentId, String body) {
    }
}
