package io.campuscrm.students.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTypeTest {

    @TempDir
    Path dir;

    @Test
    void types_are_recognised_by_their_content() throws IOException {
        assertThat(FileType.detect(file("a", "%PDF-1.7\n...".getBytes()))).contains(FileType.PDF);
        assertThat(FileType.detect(file("b", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x01})))
                .contains(FileType.JPEG);
        assertThat(FileType.detect(file("c", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0})))
                .contains(FileType.PNG);
        assertThat(FileType.detect(office("d", "word/document.xml"))).contains(FileType.DOCX);
        assertThat(FileType.detect(office("e", "xl/workbook.xml"))).contains(FileType.XLSX);
    }

    @Test
    void other_content_is_not_accepted_whatever_its_name() throws IOException {
        assertThat(FileType.detect(file("x.pdf", "MZ executable".getBytes()))).isEmpty();
        assertThat(FileType.detect(file("y.docx", "PK\u0003\u0004 not really a zip".getBytes()))).isEmpty();
        assertThat(FileType.detect(office("z.docx", "content.xml"))).isEmpty();
        assertThat(FileType.byExtension("notes.txt")).isEmpty();
        assertThat(FileType.byExtension("Photo.JPEG")).contains(FileType.JPEG);
    }

    private Path file(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private Path office(String name, String part) throws IOException {
        Path file = dir.resolve(name);
        try (var zip = new ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes());
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(part));
            zip.write("<x/>".getBytes());
            zip.closeEntry();
        }
        return file;
    }
}
