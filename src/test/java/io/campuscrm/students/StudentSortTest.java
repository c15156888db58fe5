package io.campuscrm.students;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class StudentSortTest {

    @Test
    void the_list_sorts_by_name_in_chinese_order_for_chinese_readers_of_any_region_and_in_english_for_others() {
        assertThat(StudentSort.name(Locale.SIMPLIFIED_CHINESE)).isEqualTo(StudentSort.NAME_IN_CHINESE);
        assertThat(StudentSort.name(Locale.forLanguageTag("zh-SG"))).isEqualTo(StudentSort.NAME_IN_CHINESE);
        assertThat(StudentSort.name(Locale.TRADITIONAL_CHINESE)).isEqualTo(StudentSort.NAME_IN_CHINESE);
        assertThat(StudentSort.name(Locale.forLanguageTag("en-SG"))).isEqualTo(StudentSort.NAME);
        assertThat(StudentSort.name(Locale.forLanguageTag("ms-MY"))).as("a language the product does not speak")
                .isEqualTo(StudentSort.NAME);
    }
}
