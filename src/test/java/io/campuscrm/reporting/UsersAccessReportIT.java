package io.campuscrm.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

import io.campuscrm.security.UserAccount;
import io.campuscrm.security.UserDraft;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.security.Role;
import io.campuscrm.support.CampusIntegrationTest;

/** "Users and access rights" as an auditor receives it: a real PDF with embedded fonts, and a real XLSX. */
@CampusIntegrationTest
class UsersAccessReportIT {

    @Autowired
    ReportService reports;
    @Autowired
    UserService users;

    @Test
    @WithUserDetails("admin")
    void the_pdf_lists_every_user_with_roles_and_embeds_its_fonts() throws IOException {
        var pdf = render(ReportFormat.PDF);
        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        try (var document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            List<UserAccount> all = users.allUsers();
            assertThat(all).hasSizeGreaterThanOrEqualTo(4);
            for (UserAccount user : all) {
                assertThat(text).contains(user.username());
            }
            assertThat(text).contains("Users and access rights", "Harbourside Learning Centre", "Administrator",
                    "Finance", "Users: " + all.size());
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f.isEmbedded()).as(f.getName()).isTrue());
        }
    }

    @Test
    @WithUserDetails("admin")
    void chinese_names_print_in_simplified_and_traditional_characters_with_every_font_embedded() throws IOException {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        users.create(UserDraft.of("cjk.s" + suffix, "陈伟明", "", Set.of(Role.TEACHER), Set.of()),
                "a long enough password");
        users.create(UserDraft.of("cjk.t" + suffix, "張偉明（繁體）", "", Set.of(Role.TEACHER), Set.of()),
                "a long enough password");

        var pdf = render(ReportFormat.PDF);

        try (var document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("陈伟明", "張偉明（繁體）", "cjk.s" + suffix,
                    "Users and access rights");
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    fonts.add(page.getResources().getFont(name));
                }
            }
            assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f.isEmbedded()).as(f.getName()).isTrue());
            assertThat(fonts).extracting(PDFont::getName).anyMatch(name -> name.contains("NotoSansCJK"));
        }
    }

    @Test
    @WithUserDetails("admin")
    void the_xlsx_has_a_header_and_one_row_per_user() throws IOException {
        var xlsx = render(ReportFormat.XLSX);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = workbook.getSheetAt(0);
            List<String> cells = new ArrayList<>();
            for (Row row : sheet) {
                for (Cell cell : row) {
                    cells.add(cell.toString());
                }
            }
            assertThat(cells).contains("Username", "Roles", "Last sign-in");
            for (UserAccount user : users.allUsers()) {
                assertThat(cells).contains(user.username());
            }
            assertThat(cells).filteredOn("Username"::equals).as("one header row, not one per page").hasSize(1);
        }
    }

    @Test
    @WithUserDetails("teacher")
    void a_teacher_may_not_run_it() {
        assertThat(reports.availableReports()).extracting(ReportInfo::id).doesNotContain("users-access");
        assertThatThrownBy(() -> render(ReportFormat.PDF)).isInstanceOf(AccessDeniedException.class);
    }

    private byte[] render(ReportFormat format) {
        var out = new ByteArrayOutputStream();
        reports.render(ReportRequest.of("users-access", format, Locale.ENGLISH), out);
        byte[] bytes = out.toByteArray();
        try { // kept for a person to look at: target/reports/users-access.pdf / .xlsx
            var file = java.nio.file.Path.of("target/reports/users-access." + format.extension());
            java.nio.file.Files.createDirectories(file.getParent());
            java.nio.file.Files.write(file, bytes);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes;
    }
}
