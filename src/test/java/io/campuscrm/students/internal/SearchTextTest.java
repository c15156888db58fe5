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
        var tokens = SearchText.tokens("Tan Wei Ming", "Ethan", null).keySet();
        assertThat(tokens).contains("tan", "anw", "wei", "eim", "min", "ing", "^ta", "^we", "^mi", "eth", "han",
                "^et");
        assertThat(tokens).doesNotContain("^t", "^w");
        assertThat(tokens).allMatch(t -> t.length() <= 16);
    }

    @Test
    void a_chinese_name_is_indexed_by_its_characters_and_their_pairs() {
        assertThat(SearchText.tokens("陈伟明").keySet()).containsExactlyInAnyOrder("陈", "陈伟", "伟", "伟明", "明");
    }

    @Test
    void each_token_knows_whether_it_starts_a_name_a_word_or_stands_inside_one() {
        var tokens = SearchText.tokens("Tan Wei Ming", "Ethan", "陈伟明");
        assertThat(tokens).containsEntry("tan", SearchText.NAME_START).containsEntry("^ta", SearchText.NAME_START)
                .containsEntry("wei", SearchText.WORD_START).containsEntry("^we", SearchText.WORD_START)
                .containsEntry("eim", SearchText.INSIDE).containsEntry("eth", SearchText.NAME_START)
                .containsEntry("han", SearchText.INSIDE).containsEntry("陈", SearchText.NAME_START)
                .containsEntry("伟明", SearchText.INSIDE);
        assertThat(SearchText.tokens("Nathan Tan")).as("the best position counts").containsEntry("tan",
                SearchText.WORD_START);
    }

    @Test
    void the_sort_key_is_the_start_of_the_normalised_full_name() {
        assertThat(SearchText.sortKey("Émilie Chloé Dubois-Fernández")).isEqualTo("emilie chloe dubois fern");
        assertThat(SearchText.sortKey("Tan Wei Ming")).isEqualTo("tan wei ming");
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
