package io.campuscrm.students.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

/** The stored keys order names as MariaDB compares them (unsigned bytes): pinyin in Chinese, letters in English. */
class NameSortKeysTest {

    private static final Comparator<byte[]> AS_MARIADB_COMPARES = Arrays::compareUnsigned;

    @Test
    void chinese_names_sort_in_pinyin_order_not_in_the_order_of_their_code_points() {
        List<String> names = List.of("张伟", "李娜", "王芳", "陈静", "赵磊");
        assertThat(names.stream().sorted().toList()).as("code point order")
                .containsExactly("张伟", "李娜", "王芳", "赵磊", "陈静");

        assertThat(sorted(names, name -> NameSortKeys.chinese(name, null)))
                .as("chen, li, wang, zhang, zhao").containsExactly("陈静", "李娜", "王芳", "张伟", "赵磊");
    }

    @Test
    void the_chinese_key_is_the_chinese_name_when_there_is_one_else_the_full_name() {
        assertThat(NameSortKeys.chinese("Wei Zhang", "张伟")).isEqualTo(NameSortKeys.chinese("张伟", null));
        assertThat(NameSortKeys.chinese("Wei Zhang", " ")).isEqualTo(NameSortKeys.chinese("Wei Zhang", null));
        // Jing Chen before Na Li before Wei Zhang, whatever their English names say
        assertThat(sorted(List.of("Wei Zhang|张伟", "Jing Chen|陈静", "Liu Yang|", "Na Li|李娜"), entry -> {
            String[] names = entry.split("\\|", -1);
            return NameSortKeys.chinese(names[0], names[1].isEmpty() ? null : names[1]);
        })).containsExactly("Jing Chen|陈静", "Na Li|李娜", "Wei Zhang|张伟", "Liu Yang|");
    }

    @Test
    void in_chinese_order_han_characters_come_before_latin_letters_and_in_english_order_after() {
        List<String> names = List.of("Aaron Tan", "刘洋", "Zoe Lim", "陈静");
        assertThat(sorted(names, name -> NameSortKeys.chinese(name, null)))
                .containsExactly("陈静", "刘洋", "Aaron Tan", "Zoe Lim");
        assertThat(sorted(names, NameSortKeys::english)).containsExactly("Aaron Tan", "Zoe Lim", "刘洋", "陈静");
    }

    @Test
    void western_names_sort_alphabetically_with_accents_and_case_after_the_letters() {
        List<String> names = List.of("Zoë O'Brien", "Émile Zola", "emil Abt", "Emil Abt", "Eve Adams", "Ēmil Abt",
                "Arjun s/o Kumar", "Emilia Brown", "de la Cruz", "De La Cruz", "Ángel Díaz", "Angela Davis");

        assertThat(sorted(names, NameSortKeys::english)).containsExactly("Ángel Díaz", "Angela Davis",
                "Arjun s/o Kumar", "de la Cruz", "De La Cruz", "emil Abt", "Emil Abt", "Ēmil Abt", "Émile Zola",
                "Emilia Brown", "Eve Adams", "Zoë O'Brien");
    }

    @Test
    void emile_sorts_next_to_emil_in_both_languages() {
        List<String> names = List.of("Emma", "Émile", "Eve", "Emil", "Emily");
        assertThat(sorted(names, NameSortKeys::english)).containsExactly("Emil", "Émile", "Emily", "Emma", "Eve");
        assertThat(sorted(names, name -> NameSortKeys.chinese(name, null)))
                .containsExactly("Emil", "Émile", "Emily", "Emma", "Eve");
    }

    @Test
    void an_accent_typed_as_a_combining_mark_makes_the_same_key_and_spaces_around_a_name_do_not_count() {
        assertThat(NameSortKeys.english("E\u0301mile")).isEqualTo(NameSortKeys.english("\u00C9mile"));
        assertThat(NameSortKeys.english("  Emil ")).isEqualTo(NameSortKeys.english("Emil"));
    }

    @Test
    void a_key_is_never_empty_and_a_long_name_is_cut_to_the_column_keeping_the_order() {
        assertThat(NameSortKeys.english("")).isNotEmpty();
        assertThat(NameSortKeys.chinese("", null)).isNotEmpty();
        // as long as the column allows (200): its key is longer than 255 bytes, but the letters' weights come first
        String longName = "Muhammad Abdul Rahman bin Abdullah Al-Mustafa Iskandar Syah ".repeat(4).substring(0, 199);
        byte[] a = NameSortKeys.english(longName + "A");
        byte[] b = NameSortKeys.english(longName + "B");
        assertThat(a).hasSize(NameSortKeys.MAX_BYTES);
        assertThat(AS_MARIADB_COMPARES.compare(a, b)).isLessThan(0);
        assertThat(AS_MARIADB_COMPARES.compare(NameSortKeys.english("Muhammad"), a)).isLessThan(0);
        assertThat(NameSortKeys.chinese("欧阳".repeat(50), null)).hasSizeLessThanOrEqualTo(NameSortKeys.MAX_BYTES);
    }

    /**
     * Stored keys are only comparable with keys of the same collation version. When an upgrade of ICU4J fails this,
     * add a migration that empties both key columns (the start-up backfill then recomputes every key) and update
     * the versions here: docs/decisions/0058-name-sort-keys.md.
     */
    @Test
    void the_collators_are_the_version_the_stored_keys_were_made_with() {
        assertThat(NameSortKeys.versions()).isEqualTo("en 153.136.0.0, zh 153.136.48.0");
    }

    private static List<String> sorted(List<String> names, Function<String, byte[]> key) {
        return names.stream().sorted(Comparator.comparing(key, AS_MARIADB_COMPARES)).toList();
    }
}
