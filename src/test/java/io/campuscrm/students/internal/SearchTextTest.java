package io.campuscrm.students.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void names_are_normalised_without_accents_case_or_punctuation() {
        assertThat(SearchText.normalise("José FERNÁNDEZ")).isEqualTo("jose fernandez");
        assertThat(SearchText.normalise("  Zoë  O'Brien-Müller ")).isEqualTo("zoe o brien muller");
        assertThat(SearchText.normalise("Søren Straße")).isEqualTo("soren strasse");
        assertThat(SearchText.normalise("Arjun s/o Kumar")).isEqualTo("arjun s o kumar");
        assertThat(SearchText.normalise("陈伟明")).isEqualTo("陈伟明");
        assertThat(SearchText.normalise(null)).isEmpty();
    }

    @Test
    void a_latin_name_is_indexed_by_its_trigrams_across_words_and_its_word_prefixes() {
        var tokens = SearchText.tokens("Tan Wei Ming", "Ethan", null);
        assertThat(tokens).contains("tan", "anw", "wei", "eim", "min", "ing", "^ta", "^we", "^mi", "eth", "han",
                "^et");
        assertThat(tokens).doesNotContain("^t", "^w");
        assertThat(tokens).allMatch(t -> t.length() <= 16);
    }

    @Test
    void a_chinese_name_is_indexed_by_its_characters_and_their_pairs() {
        assertThat(SearchText.tokens("陈伟明")).containsExactlyInAnyOrder("陈", "陈伟", "伟", "伟明", "明");
    }

    @Test
    void the_name_key_ignores_word_order_accents_and_case() {
        assertThat(SearchText.nameKey("Tan Wei-Ming")).isEqualTo(SearchText.nameKey("wei ming TAN"));
        assertThat(SearchText.nameKey("José Fernández")).isEqualTo("fernandez jose");
    }

    @Test
    void the_search_name_keeps_the_names_apart() {
        assertThat(SearchText.searchName("Tan Wei Ming", "Ethan", "陈伟明")).isEqualTo("tan wei ming|ethan|陈伟明");
        assertThat(SearchText.searchName("Emily Clarke", null, "")).isEqualTo("emily clarke||");
    }
}
