package io.campuscrm.shared.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.campuscrm.shared.audit.AuditSummary;

/** The {@code summary_args} column: whatever the arguments hold, they come back as they went in. */
class JsonStringsTest {

    @Test
    void commas_quotes_brackets_line_breaks_and_chinese_come_back_as_they_went_in() {
        List<String> args = List.of("Chan, Wei Ming", "O'Brien \"Bob\"", "陈伟明", "[\"x\", \"y\"]", "back\\slash",
                "two\nlines", "", "{0}");

        assertThat(JsonStrings.decode(JsonStrings.encode(args))).isEqualTo(args);
    }

    @Test
    void the_arguments_are_kept_as_a_json_array_of_strings() {
        assertThat(JsonStrings.encode(List.of("陈, \"x\"", "12"))).isEqualTo("[\"陈, \\\"x\\\"\",\"12\"]");
        assertThat(JsonStrings.encode(List.of())).isEqualTo("[]");
    }

    @Test
    void a_key_argument_and_a_text_starting_with_a_hash_keep_their_meaning() {
        var summary = AuditSummary.of("audit.user.own-language-changed",
                AuditSummary.key("audit.user.own-language-institution"));
        var room = AuditSummary.of("audit.room.created", "#3");

        assertThat(new AuditSummary(summary.key(), JsonStrings.decode(JsonStrings.encode(summary.args()))))
                .isEqualTo(summary);
        assertThat(new AuditSummary(room.key(), JsonStrings.decode(JsonStrings.encode(room.args()))))
                .isEqualTo(room);
    }
}
