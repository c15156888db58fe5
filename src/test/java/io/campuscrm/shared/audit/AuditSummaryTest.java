package io.campuscrm.shared.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Test;

import io.campuscrm.shared.i18n.LanguageMessageSource;

/** An audit summary read from the real bundles, in English as the audit log stores it and in Chinese. */
class AuditSummaryTest {

    private static final LanguageMessageSource MESSAGES = new LanguageMessageSource();

    @Test
    void an_english_reader_reads_the_summary_as_it_was_written_before_it_had_a_key() {
        var summary = AuditSummary.of("audit.guardian.added", "Li Mei", "F000123");

        assertThat(summary.render(in(Locale.ENGLISH))).isEqualTo("Added guardian Li Mei to family F000123");
    }

    @Test
    void a_chinese_reader_reads_the_summary_in_chinese() {
        var summary = AuditSummary.of("audit.guardian.added", "Li Mei", "F000123");

        assertThat(summary.render(in(Locale.SIMPLIFIED_CHINESE))).isEqualTo("将家长 Li Mei 添加到家庭 F000123");
        assertThat(summary.render(in(Locale.forLanguageTag("zh-SG")))).as("any Chinese reads the Chinese bundle")
                .isEqualTo("将家长 Li Mei 添加到家庭 F000123");
    }

    @Test
    void an_argument_made_with_key_is_translated_for_each_reader() {
        var summary = AuditSummary.of("audit.user.own-language-changed",
                AuditSummary.key("audit.user.own-language-institution"));

        assertThat(summary.args()).containsExactly("#audit.user.own-language-institution");
        assertThat(summary.render(in(Locale.ENGLISH))).isEqualTo("Changed own language to the institution's");
        assertThat(summary.render(in(Locale.SIMPLIFIED_CHINESE))).isEqualTo("将自己的语言改为 机构的语言");
    }

    @Test
    void a_text_that_starts_with_a_hash_is_shown_as_it_is_and_never_taken_for_a_key() {
        var summary = AuditSummary.of("audit.room.created", "#3");

        assertThat(summary.args()).containsExactly("##3");
        assertThat(summary.render(in(Locale.ENGLISH))).isEqualTo("Created room #3");
        assertThat(summary.render(in(Locale.SIMPLIFIED_CHINESE))).isEqualTo("创建了教室 #3");
    }

    @Test
    void apostrophes_and_braces_in_an_argument_are_text_and_a_doubled_apostrophe_of_the_message_prints_once() {
        var cancelled = AuditSummary.of("audit.session.cancelled", "ENG-B1", "2026-03-04T16:00",
                "the teacher's ill {0}");

        assertThat(cancelled.render(in(Locale.ENGLISH)))
                .isEqualTo("Cancelled a session of class ENG-B1 on 2026-03-04T16:00: the teacher's ill {0}");
        assertThat(AuditSummary.of("audit.student.contacts-read", 12).render(in(Locale.ENGLISH)))
                .isEqualTo("Read the guardians' contacts of 12 students");
    }

    /** The summaries were concatenated: 1234 students, not "1,234", and a missing value as "null". */
    @Test
    void arguments_are_written_as_string_concatenation_wrote_them() {
        var imported = AuditSummary.of("audit.students.imported", 1234, 5L, null);

        assertThat(imported.args()).containsExactly("1234", "5", "null");
        assertThat(imported.render(in(Locale.ENGLISH)))
                .isEqualTo("Imported 1234 students, 5 new families, null guardians");
        assertThat(imported.render(in(Locale.SIMPLIFIED_CHINESE))).isEqualTo("导入了 1234 名学员、5 个新家庭、null 位家长");
    }

    @Test
    void a_summary_without_arguments_prints_its_message_as_it_is() {
        var summary = new AuditSummary("audit.user.signed-in", List.of());

        assertThat(summary.render(in(Locale.ENGLISH))).isEqualTo("Signed in");
        assertThat(summary.render(in(Locale.SIMPLIFIED_CHINESE))).isEqualTo("登录");
    }

    @Test
    void dates_are_kept_as_iso_and_read_as_the_readers_locale_writes_them() {
        var withdrawn = AuditSummary.of("audit.enrollment.withdrawn", 42, "ENG-B1", LocalDate.of(2026, 11, 2));
        var moved = AuditSummary.of("audit.session.moved", "ENG-B1", LocalDateTime.of(2026, 11, 2, 16, 0),
                LocalDateTime.of(2026, 11, 3, 9, 30));

        assertThat(withdrawn.args()).containsExactly("42", "ENG-B1", "#date:2026-11-02");
        assertThat(withdrawn.render(in(Locale.ENGLISH))).as("the stored English line, as before")
                .isEqualTo("Withdrew enrollment 42 from class ENG-B1 on 2026-11-02");
        Locale chinese = Locale.forLanguageTag("zh-SG");
        assertThat(withdrawn.render(in(chinese), chinese)).contains("2026年11月2日");
        assertThat(moved.render(in(chinese), chinese)).contains("2026年11月2日", "2026年11月3日");
        assertThat(withdrawn.render(in(Locale.UK), Locale.UK)).endsWith("on 2 Nov 2026");
    }

    private static BiFunction<String, Object[], String> in(Locale locale) {
        return (key, args) -> MESSAGES.getMessage(key, args, locale);
    }
}
