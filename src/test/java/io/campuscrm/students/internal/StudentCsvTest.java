package io.campuscrm.students.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class StudentCsvTest {

    @Test
    void rows_keep_their_line_numbers_and_headers_any_case_and_order() {
        String csv = "\uFEFFFull_Name,Birth_Date\nTan Wei Ming,2015-03-14\n\n\"Lee, Mei\",2016-01-02\n";
        var parsed = StudentCsv.parse(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), 100);
        assertThat(parsed.header()).containsExactly("full_name", "birth_date");
        assertThat(parsed.lines()).hasSize(2);
        assertThat(parsed.lines().get(0).line()).isEqualTo(2);
        assertThat(parsed.lines().get(0).values()).containsEntry("full_name", "Tan Wei Ming");
        assertThat(parsed.lines().get(1).values()).containsEntry("full_name", "Lee, Mei");
        assertThat(parsed.lines().get(1).line()).isEqualTo(4);
    }

    @Test
    void the_example_file_has_every_column_and_parses_again() {
        String example = StudentCsv.example("Orchard");
        var parsed = StudentCsv.parse(new ByteArrayInputStream(example.getBytes(StandardCharsets.UTF_8)), 100);
        assertThat(parsed.header()).containsExactlyElementsOf(StudentCsv.COLUMNS);
        assertThat(parsed.lines()).hasSize(4);
        assertThat(parsed.lines().getFirst().values()).containsEntry("chinese_name", "陈伟明");
    }
}
