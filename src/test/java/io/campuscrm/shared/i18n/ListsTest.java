package io.campuscrm.shared.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class ListsTest {

    @Test
    void englishSeparatesWithCommasAndChineseWithTheEnumerationComma() {
        assertThat(Lists.join(Locale.forLanguageTag("en-SG"), List.of("Teacher", "Finance", "Admin")))
                .isEqualTo("Teacher, Finance, Admin");
        assertThat(Lists.join(Locale.forLanguageTag("zh-SG"), List.of("教师", "财务", "管理员"))).isEqualTo("教师、财务、管理员");
    }

    @Test
    void theSeparatorIsWhatStandsBetweenTwoItems() {
        assertThat(Lists.separator(Locale.forLanguageTag("en-SG"))).isEqualTo(", ");
        assertThat(Lists.separator(Locale.forLanguageTag("zh-SG"))).isEqualTo("、");
    }

    @Test
    void oneItemIsItselfAndNoneIsEmpty() {
        assertThat(Lists.join(Locale.SIMPLIFIED_CHINESE, List.of("教师"))).isEqualTo("教师");
        assertThat(Lists.join(Locale.ENGLISH, List.of())).isEmpty();
    }
}
