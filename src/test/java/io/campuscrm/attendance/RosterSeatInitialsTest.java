package io.campuscrm.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RosterSeatInitialsTest {

    private static String initials(String name) {
        return new RosterSeat("student:1", 1L, name, "enrolled", null).initials();
    }

    @Test
    void a_name_gives_the_initials_of_its_first_and_last_word_leaving_out_a_preferred_name_in_brackets() {
        assertThat(initials("Lee Kai Wen (Nathan)")).isEqualTo("LW");
        assertThat(initials("Tan Mei Ling")).isEqualTo("TL");
        assertThat(initials("lim hui")).isEqualTo("LH");
    }

    @Test
    void a_chinese_name_or_a_single_word_gives_its_first_character() {
        assertThat(initials("陈小明")).isEqualTo("陈");
        assertThat(initials("陈小明（Ming）")).isEqualTo("陈");
        assertThat(initials("Aisha")).isEqualTo("A");
    }

    @Test
    void a_name_of_no_letters_gives_its_first_character_and_an_empty_one_a_question_mark() {
        assertThat(initials("(42)")).isEqualTo("(");
        assertThat(initials("  ")).isEqualTo("?");
    }
}
