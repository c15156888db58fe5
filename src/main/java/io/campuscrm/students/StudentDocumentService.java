package io.campuscrm.students;

import java.io.InputStream;
import java.time.Clock;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.students.internal.DocumentStorage;
import io.campuscrm.students.internal.FileType;
import io.campuscrm.students.internal.StudentAccess;
import io.campuscrm.students.internal.StudentDocumentEntity;
import io.campuscrm.students.internal.StudentDocumentRepository;
import io.campuscrm.students.internal.StudentEventEntity.Kind;
import io.campuscrm.students.internal.StudentHistory;
import io.campuscrm.students.internal.StudentRepository;
import io.campuscrm.students.internal.StudentsLimits;

/**
 * Documents on a student's file (birth certificates, report cards, consent forms): PDF, JPEG, PNG, DOCX and XLSX
 * only, recognised by their content, up to a size limit (setting). Downloads and removals are audited.
 */
@Service
@Transactional(readOnly = true)
public class StudentDocumentService {

    private final StudentDocumentRepository documents;
    private final StudentRepository students;
    private final DocumentStorage storage;
    private final StudentAccess access;
    private final StudentHistory history;
    private final StudentsLimits settings;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    StudentDocumentService(StudentDocumentRepository documents, StudentRepository students, DocumentStorage storage,
            StudentAccess access, StudentHistory history, StudentsLimits settings, CurrentUser currentUser,
            ApplicationEventPublisher events, Clock clock) {
        this.documents = documents;
        this.students = students;
        this.storage = storage;
        this.access = access;
        this.history = history;
        this.settings = settings;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** The largest upload to a student's file, in bytes: the student's campus may allow more than the others. */
    @PreAuthorize(StudentRoles.READ)
    public long maxSize(long studentId) {
        return settings.documentMaxBytes(requireVisible(studentId));
    }

    /** ".pdf", ".jpg", …, for the upload component. */
    @PreAuthorize(StudentRoles.READ)
    public List<String> acceptedExtensions() {
        return List.of(FileType.acceptedExtensions());
    }

    /** Newest first. */
    @PreAuthorize(StudentRoles.READ)
    public List<StudentDocument> documents(long studentId) {
        requireVisible(studentId);
        return documents.findByStudent(studentId).stream().map(StudentDocumentEntity::toDocument).toList();
    }

    /**
     * Stores an uploaded document.
     *
     * @param fileName the name the user's file had: kept as metadata only
     * @throws DomainException on {@code file} when the type is not accepted, the content does not match the name's
     *                         extension, or the file is too large or empty
     */
    @PreAuthorize(StudentRoles.WRITE)
    @Transactional
    public StudentDocument upload(long studentId, String fileName, InputStream content) {
        @Nullable Long campusId = requireVisible(studentId);
        String name = cleanName(fileName);
        FileType declared = FileType.byExtension(name)
                .orElseThrow(() -> new DomainException("file", "document.error.type", name));
        var received = storage.receive(content, settings.documentMaxBytes(campusId));
        try {
            FileType actual = FileType.detect(received.part())
                    .orElseThrow(() -> new DomainException("file", "document.error.content", name));
            if (actual != declared) {
                throw new DomainException("file", "document.error.content", name);
            }
            storage.accept(received);
            var saved = documents.saveAndFlush(new StudentDocumentEntity(studentId, name, actual.contentType(),
                    received.size(), received.sha256(), received.key(), currentUser.username(), clock.instant()));
            var document = saved.toDocument();
            history.record(studentId, Kind.DOCUMENT_ADDED, name, null);
            events.publishEvent(AuditEvent.created("StudentDocument", document.id(),
                    AuditSummary.of("audit.document.uploaded", name, studentId),
                    new DocumentSnapshot(studentId, name, actual.contentType(), received.size(), received.sha256())));
            return document;
        } catch (RuntimeException e) {
            storage.discard(received);
            throw e;
        }
    }

    /** Opens a document to download it; the download is in the audit log. */
    @PreAuthorize(StudentRoles.READ)
    @Transactional
    public DocumentDownload download(long documentId) {
        var document = load(documentId);
        requireVisible(document.getStudentId());
        var info = document.toDocument();
        InputStream content = storage.open(document.getStorageKey());
        events.publishEvent(AuditEvent.of(AuditAction.READ, "StudentDocument", documentId,
                AuditSummary.of("audit.document.downloaded", info.fileName(), info.studentId())));
        return new DocumentDownload(info.fileName(), info.contentType(), info.size(), content);
    }

    @PreAuthorize(StudentRoles.WRITE)
    @Transactional
    public void remove(long documentId) {
        var document = load(documentId);
        requireVisible(document.getStudentId());
        documents.delete(document);
        documents.flush();
        storage.deleteAfterCommit(document.getStorageKey());
        history.record(document.getStudentId(), Kind.DOCUMENT_REMOVED, document.getFileName(), null);
        events.publishEvent(AuditEvent.of(AuditAction.DELETE, "StudentDocument", documentId,
                AuditSummary.of("audit.document.removed", document.getFileName(), document.getStudentId())));
    }

    private StudentDocumentEntity load(long documentId) {
        return documents.findById(documentId).orElseThrow(() -> new NotFoundException());
    }

    /** @return the student's campus */
    private @Nullable Long requireVisible(long studentId) {
        var student = students.findById(studentId).orElseThrow(() -> new NotFoundException());
        access.requireVisible(access.scope(), studentId, student.getCampusId());
        return student.getCampusId();
    }

    /** The last path segment, without control characters, at most 255 characters. */
    static String cleanName(String fileName) {
        String name = fileName == null ? "" : fileName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}]", "").strip();
        if (name.isEmpty()) {
            name = "document";
        }
        return name.length() > 255 ? name.substring(name.length() - 255) : name;
    }

    private record DocumentSnapshot(long studentId, String fileName, String contentType, long size, String sha256) {
    }
}
