package io.campuscrm.students;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.security.AuditFilter;
import io.campuscrm.security.AuditLogService;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.students.internal.DocumentStorage;
import io.campuscrm.support.CampusIntegrationTest;

/** Documents: accepted by content and size, stored under a random name, downloaded only by those who may. */
@CampusIntegrationTest
class StudentDocumentIT {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    @Autowired
    StudentDocumentService documents;
    @Autowired
    StudentChanges students;
    @Autowired
    InstitutionService institution;
    @Autowired
    AuditLogService auditLog;
    @Autowired
    DocumentStorage storage;

    @Test
    @WithUserDetails("admin")
    void a_pdf_is_stored_under_a_random_name_with_its_hash_and_downloaded_as_it_was() throws Exception {
        long id = newStudent("Documented", "Orchard");
        var stored = documents.upload(id, "C:\\Users\\mum\\Birth certificate.pdf", new ByteArrayInputStream(PDF));

        assertThat(stored.fileName()).isEqualTo("Birth certificate.pdf");
        assertThat(stored.contentType()).isEqualTo("application/pdf");
        assertThat(stored.size()).isEqualTo(PDF.length);
        assertThat(stored.sha256()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(PDF)));
        try (var files = Files.list(storage.root())) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .noneMatch(n -> n.contains("Birth"))
                    .allMatch(n -> n.matches("[0-9a-f-]{36}"));
        }
        var download = documents.download(stored.id());
        try (InputStream in = download.content()) {
            assertThat(in.readAllBytes()).isEqualTo(PDF);
        }
        assertThat(documents.documents(id)).extracting(StudentDocument::id).containsExactly(stored.id());
        assertThat(auditLog.search(new AuditFilter("admin", "StudentDocument", String.valueOf(stored.id()),
                AuditAction.READ, null, null), PageRequest.of(0, 5))).hasSize(1);
    }

    @Test
    @WithUserDetails("admin")
    void a_file_whose_content_is_not_what_its_name_says_is_refused() {
        long id = newStudent("Disguised", "Orchard");
        assertThatThrownBy(() -> documents.upload(id, "report.pdf",
                new ByteArrayInputStream("MZ\u0090\u0000 not a pdf".getBytes(StandardCharsets.ISO_8859_1))))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("file");
                    assertThat(e.messageKey()).isEqualTo("document.error.content");
                });
        assertThatThrownBy(() -> documents.upload(id, "photo.png", new ByteArrayInputStream(PDF)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("document.error.content"));
        assertThatThrownBy(() -> documents.upload(id, "script.sh", new ByteArrayInputStream(PDF)))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("document.error.type"));
        assertThat(documents.documents(id)).isEmpty();
    }

    @Test
    @WithUserDetails("admin")
    void a_file_over_the_size_limit_is_refused_and_leaves_nothing_behind() throws IOException {
        long id = newStudent("Large", "Orchard");
        long limit = documents.maxSize(id);
        InputStream huge = new InputStream() {
            long sent;

            @Override
            public int read() {
                return sent++ < limit + 10 ? (sent < 6 ? PDF[(int) sent - 1] : 'x') : -1;
            }
        };
        assertThatThrownBy(() -> documents.upload(id, "big.pdf", huge)).isInstanceOfSatisfying(
                DomainException.class, e -> assertThat(e.messageKey()).isEqualTo("document.error.too-large"));
        try (var files = Files.list(storage.root())) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
        }
        assertThat(documents.documents(id)).isEmpty();
    }

    @Test
    @WithUserDetails("teacher")
    void a_teacher_who_does_not_teach_the_student_can_neither_list_nor_download_documents() {
        long documentId = SystemAuthentication.call(() -> {
            long id = newStudent("Private", "Orchard");
            return documents.upload(id, "consent.pdf", new ByteArrayInputStream(PDF)).id();
        });
        var asAdmin = SystemAuthentication.call(() -> documents.download(documentId));
        assertThat(asAdmin.fileName()).isEqualTo("consent.pdf");
        closeQuietly(asAdmin.content());
        assertThatThrownBy(() -> documents.download(documentId)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> documents.upload(1, "x.pdf", new ByteArrayInputStream(PDF)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("admissions")
    void admissions_at_another_campus_cannot_download_and_removal_is_audited() {
        long documentId = SystemAuthentication.call(() -> {
            long id = newStudent("Tampines Kid", "Tampines");
            return documents.upload(id, "report.pdf", new ByteArrayInputStream(PDF)).id();
        });
        assertThatThrownBy(() -> documents.download(documentId)).isInstanceOf(DomainException.class);
        assertThatThrownBy(() -> documents.remove(documentId)).isInstanceOf(DomainException.class);

        long own = newStudent("Orchard Kid", "Orchard");
        var doc = documents.upload(own, "report.pdf", new ByteArrayInputStream(PDF));
        documents.remove(doc.id());
        assertThat(documents.documents(own)).isEmpty();
        assertThat(SystemAuthentication.call(() -> auditLog.search(new AuditFilter("admissions", "StudentDocument",
                String.valueOf(doc.id()), AuditAction.DELETE, null, null), PageRequest.of(0, 5)))).hasSize(1);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing to clean up
        }
    }

    private long newStudent(String given, String campus) {
        long campusId = StudentFixtures.campus(institution, campus).id();
        return students.create(NewStudent.withNewFamily(StudentFixtures.student(StudentFixtures.name(given),
                campusId))).id();
    }
}
