package io.campuscrm.students;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.students.internal.StudentScope;
import io.campuscrm.students.internal.StudentSearchRepository;
import io.campuscrm.support.CampusIntegrationTest;
import io.campuscrm.support.Explain;

/**
 * The list sorted by name follows the reader's language across pages, from the stored ICU sort keys (V24): pinyin
 * for Chinese, whose order is not the order of the characters' code points (张 U+5F20 before 陈 U+9648, but chen
 * before zhang), and the first page of the plain list is read in order from the key's index. The students of a test
 * share a tag no other student has.
 */
@CampusIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudentNameOrderIT {

    /** By their Chinese names, else their full names: chen, li, liu, wang, zhang, zhao, then the Latin name. */
    private static final List<String> PINYIN_ORDER = List.of("Jing Chen", "Na Li", "刘洋", "Fang Wang", "Wei Zhang",
            "Lei Zhao", "Aaron Tan");

    @Autowired
    StudentChanges changes;
    @Autowired
    StudentFiles files;
    @Autowired
    StudentSearch search;
    @Autowired
    StudentExportService export;
    @Autowired
    StudentSearchRepository repository;
    @Autowired
    InstitutionService institution;
    @Autowired
    NamedParameterJdbcTemplate jdbc;

    String tag;
    long orchard;

    @BeforeAll
    void students() {
        tag = "order-" + StudentFixtures.unique();
        orchard = StudentFixtures.campus(institution, "Orchard").id();
        SystemAuthentication.run(() -> {
            create("Wei Zhang", "张伟", tag);
            create("Aaron Tan", null, tag);
            create("Na Li", "李娜", tag);
            create("Lei Zhao", "赵磊", tag);
            create("刘洋", null, tag);
            create("Fang Wang", "王芳", tag);
            create("Jing Chen", "陈静", tag);
        });
    }

    @Test
    @WithUserDetails("admin")
    void in_chinese_the_list_by_name_is_in_pinyin_order_across_pages() {
        String byName = StudentSort.name(Locale.SIMPLIFIED_CHINESE);

        assertThat(namesInPagesOfTwo(tag, Sort.by(byName))).containsExactlyElementsOf(PINYIN_ORDER);
        assertThat(namesInPagesOfTwo(tag, Sort.by(Sort.Order.desc(byName))))
                .containsExactlyElementsOf(PINYIN_ORDER.reversed());
    }

    @Test
    @WithUserDetails("admin")
    void in_english_the_list_by_name_is_alphabetical_by_full_name_across_pages() {
        List<String> alphabetical = List.of("Aaron Tan", "Fang Wang", "Jing Chen", "Lei Zhao", "Na Li", "Wei Zhang",
                "刘洋");

        assertThat(namesInPagesOfTwo(tag, Sort.by(StudentSort.name(Locale.forLanguageTag("en-SG")))))
                .containsExactlyElementsOf(alphabetical);
        assertThat(namesInPagesOfTwo(tag, Sort.unsorted())).as("the plain list").containsExactlyElementsOf(alphabetical);
    }

    @Test
    @WithUserDetails("admin")
    void the_export_of_the_list_in_chinese_keeps_its_order() throws Exception {
        var out = new ByteArrayOutputStream();
        export.exportCsv(new StudentFilter(null, null, null, tag), Sort.by(StudentSort.NAME_IN_CHINESE),
                Locale.SIMPLIFIED_CHINESE, out);

        var rows = CSVFormat.DEFAULT.parse(new StringReader(out.toString(StandardCharsets.UTF_8).substring(1)))
                .getRecords();
        assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(1)).containsExactlyElementsOf(PINYIN_ORDER);
    }

    @Test
    @WithUserDetails("admin")
    void a_new_chinese_name_moves_the_student_in_the_chinese_order() {
        String ownTag = "order-" + StudentFixtures.unique();
        var ma = SystemAuthentication.call(() -> {
            create("Bo", "白波", ownTag);
            return create("Ming", "马明", ownTag);
        });
        Sort inChinese = Sort.by(StudentSort.NAME_IN_CHINESE);
        assertThat(namesInPagesOfTwo(ownTag, inChinese)).containsExactly("Bo", "Ming");

        var student = files.file(ma.id()).student();
        changes.update(ma.id(), student.version(), new StudentDraft("Ming", null, "艾明", null, null, null, null, null,
                StudentStatus.ACTIVE, orchard, Set.of(ownTag)));

        assertThat(namesInPagesOfTwo(ownTag, inChinese)).as("ai before bai").containsExactly("Ming", "Bo");
    }

    @Test
    void the_first_page_by_chinese_name_is_read_in_order_from_the_keys_index_alone_by_status_and_by_campus() {
        Pageable firstPage = PageRequest.of(0, 50, Sort.by(StudentSort.NAME_IN_CHINESE));

        assertThat(plan(new StudentSearchRepository.Filters(null, null, null), StudentScope.EVERYTHING, firstPage))
                .singleElement().satisfies(step -> {
                    assertThat(step.key()).isEqualTo("ix_student_name_sort_zh");
                    assertThat(step.sorts()).as(step.extra()).isFalse();
                });
        assertThat(plan(new StudentSearchRepository.Filters(StudentStatus.ACTIVE, null, null),
                StudentScope.EVERYTHING, firstPage)).singleElement().satisfies(step -> {
                    assertThat(step.key()).isEqualTo("ix_student_status_name_sort_zh");
                    assertThat(step.sorts()).as(step.extra()).isFalse();
                });
        assertThat(plan(new StudentSearchRepository.Filters(null, orchard, null),
                new StudentScope(Set.of(orchard), null), firstPage)).singleElement().satisfies(step -> {
                    assertThat(step.key()).isEqualTo("ix_student_campus_name_sort_zh");
                    assertThat(step.sorts()).as(step.extra()).isFalse();
                });
    }

    /** Every page of two of the tag's students, as the list asks for them (one page more each time). */
    private List<String> namesInPagesOfTwo(String tag, Sort sort) {
        var filter = new StudentFilter(null, null, null, tag);
        List<String> names = new ArrayList<>();
        Pageable page = PageRequest.of(0, 2, sort);
        while (true) {
            var slice = search.find(filter, page);
            assertThat(slice.getContent()).hasSizeBetween(1, 2);
            slice.forEach(s -> names.add(s.fullName()));
            if (!slice.hasNext()) {
                return names;
            }
            page = slice.nextPageable();
        }
    }

    private List<Explain.Step> plan(StudentSearchRepository.Filters filters, StudentScope scope, Pageable page) {
        var statement = repository.statement(null, filters, scope, page);
        return Explain.of(jdbc, statement.sql(), statement.params());
    }

    private StudentDetails create(String fullName, @Nullable String chineseName, String tag) {
        return changes.create(NewStudent.withNewFamily(new StudentDraft(fullName, null, chineseName, null, null, null,
                null, null, StudentStatus.ACTIVE, orchard, Set.of(tag))).anyway());
    }
}
