package io.campuscrm.students.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void a_name_fragment_looks_up_its_trigrams_and_must_be_contained() {
        var q = SearchQuery.of("Wei");
        assertThat(q.nameTokens()).containsExactly("wei");
        assertThat(q.nameContains()).containsExactly("wei");
        assertThat(q.phoneSuffix()).isNull();
    }

    @Test
    void one_or_two_letters_look_for_the_start_of_a_word() {
        var q = SearchQuery.of("ng wei");
        assertThat(q.nameTokens()).containsExactly("^ng", "wei");
        assertThat(q.nameWordStarts()).containsExactly("ng");
        assertThat(q.nameContains()).containsExactly("wei");
    }

    @Test
    void accents_and_case_do_not_matter_to_the_query_either() {
        assertThat(SearchQuery.of("JOSÉ").nameTokens()).containsExactly("jos", "ose");
    }

    @Test
    void chinese_characters_look_up_characters_and_pairs() {
        assertThat(SearchQuery.of("陈").nameTokens()).containsExactly("陈");
        assertThat(SearchQuery.of("陈伟明").nameTokens()).containsExactly("陈伟", "伟明");
    }

    @Test
    void digits_search_phones_by_their_last_digits_and_student_numbers() {
        var q = SearchQuery.of("9123 4567");
        assertThat(q.phoneSuffix()).isEqualTo("76543219");
        assertThat(q.numberExact()).isEqualTo("S91234567");
        assertThat(q.searchesNames()).isFalse();
        assertThat(SearchQuery.of("123").phoneSuffix()).isNull();
        assertThat(SearchQuery.of("123").numberExact()).isEqualTo("S000123");
    }

    @Test
    void a_student_number_is_found_exactly_or_by_its_start() {
        var q = SearchQuery.of("s0001");
        assertThat(q.numberExact()).isEqualTo("S000001");
        assertThat(q.numberPrefix()).isEqualTo("S0001");
    }

    @Test
    void a_single_letter_looks_for_names_that_start_with_it() {
        assertThat(SearchQuery.of("T").nameStart()).isEqualTo("t");
        assertThat(SearchQuery.of("É").nameStart()).isEqualTo("e");
        assertThat(SearchQuery.of("陈").nameStart()).isNull();
        var twoLetters = SearchQuery.of("t w");
        assertThat(twoLetters.nameStart()).isEqualTo("t");
        assertThat(twoLetters.nameWordStarts()).containsExactly("w");
    }

    @Test
    void one_letter_beside_a_longer_word_is_checked_but_not_looked_up() {
        var q = SearchQuery.of("wei t");
        assertThat(q.nameTokens()).containsExactly("wei");
        assertThat(q.nameWordStarts()).containsExactly("t");
        assertThat(q.nameStart()).isNull();
    }

    @Test
    void a_word_with_a_dot_is_also_the_start_of_an_email_but_a_plain_word_is_only_a_name() {
        assertThat(SearchQuery.of("Mei.Ling").emailPrefix()).isEqualTo("mei.ling");
        assertThat(SearchQuery.of("Mei.Ling").nameTokens()).isNotEmpty();
        assertThat(SearchQuery.of("tan").emailPrefix()).isNull();
        assertThat(SearchQuery.of("tan").onlyNames()).isTrue();
    }

    @Test
    void an_email_is_searched_by_its_start_in_lower_case() {
        var q = SearchQuery.of("Mei.Tan@Example");
        assertThat(q.emailPrefix()).isEqualTo("mei.tan@example");
        assertThat(q.searchesNames()).isFalse();
    }

    @Test
    void a_long_query_uses_at_most_six_tokens_spread_over_it() {
        var q = SearchQuery.of("christopherson");
        assertThat(q.nameTokens()).hasSize(SearchQuery.MAX_TOKENS).startsWith("chr").endsWith("son");
        assertThat(q.nameContains()).containsExactly("christopherson");
    }
}
