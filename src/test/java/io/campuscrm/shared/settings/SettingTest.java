package io.campuscrm.shared.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

class SettingTest {

    private static final Setting<Integer> ROWS = Setting.integer("students", "import-max-rows", 20, 1, 500);

    @Test
    void a_settings_key_is_its_module_and_name_and_names_its_label_and_help() {
        assertThat(ROWS.key()).isEqualTo("students.import-max-rows");
        assertThat(ROWS.module()).isEqualTo("students");
        assertThat(ROWS.labelKey()).isEqualTo("setting.students.import-max-rows.label");
        assertThat(ROWS.helpKey()).isEqualTo("setting.students.import-max-rows.help");
        assertThat(ROWS.isPerCampus()).isFalse();
        assertThat(ROWS.perCampus().isPerCampus()).isTrue();
    }

    @Test
    void a_key_that_is_not_lower_case_words_with_dashes_is_refused() {
        assertThatThrownBy(() -> Setting.integer("students", "Import rows", 1, 1, 2))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_default_outside_the_range_is_refused_when_the_setting_is_declared() {
        assertThatThrownBy(() -> Setting.integer("students", "import-max-rows", 0, 1, 500))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("students.import-max-rows");
    }

    @Test
    void a_whole_number_in_range_is_read_and_written_back_the_same() {
        assertThat(ROWS.decode(" 42 ")).isEqualTo(42);
        assertThat(ROWS.encode(42)).isEqualTo("42");
    }

    @Test
    void a_number_outside_the_range_or_not_a_whole_number_says_which_numbers_to_enter() {
        for (String wrong : new String[] {"0", "501", "1.5", "many"}) {
            assertThatThrownBy(() -> ROWS.decode(wrong)).isInstanceOfSatisfying(InvalidSettingValueException.class,
                    e -> {
                        assertThat(e.messageKey()).isEqualTo("setting.error.integer");
                        assertThat(e.arguments()).containsExactly(1, 500);
                        assertThat(e.field()).isEqualTo("value");
                    });
        }
    }

    @Test
    void a_decimal_keeps_its_scale_and_is_checked_against_its_range() {
        var tolerance = Setting.decimal("billing", "tolerance", new BigDecimal("0.50"), BigDecimal.ZERO,
                BigDecimal.TEN);
        assertThat(tolerance.decode("1.25")).isEqualByComparingTo("1.25");
        assertThat(tolerance.encode(new BigDecimal("1.50"))).isEqualTo("1.50");
        assertThatThrownBy(() -> tolerance.decode("-0.01"))
                .isInstanceOfSatisfying(InvalidSettingValueException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("setting.error.decimal"));
    }

    @Test
    void a_duration_is_stored_as_iso_text_and_takes_whole_minutes_in_its_range() {
        var lockout = Setting.duration("security", "lockout-duration", Duration.ofMinutes(15),
                Duration.ofMinutes(1), Duration.ofHours(24));
        assertThat(lockout.encode(Duration.ofMinutes(30))).isEqualTo("PT30M");
        assertThat(lockout.decode("PT30M")).isEqualTo(Duration.ofMinutes(30));
        for (String wrong : new String[] {"PT25H", "PT90S", "PT0M", "half an hour"}) {
            assertThatThrownBy(() -> lockout.decode(wrong))
                    .isInstanceOfSatisfying(InvalidSettingValueException.class, e -> {
                        assertThat(e.messageKey()).isEqualTo("setting.error.minutes");
                        assertThat(e.arguments()).containsExactly(1L, ChronoUnit.DAYS.getDuration().toMinutes());
                    });
        }
    }

    @Test
    void a_boolean_takes_true_or_false_only() {
        var flag = Setting.bool("students", "flag", false);
        assertThat(flag.decode("true")).isTrue();
        assertThatThrownBy(() -> flag.decode("yes")).isInstanceOf(InvalidSettingValueException.class);
    }

    @Test
    void text_longer_than_its_limit_says_how_many_characters_it_takes() {
        var footer = Setting.text("billing", "receipt-footer", "", 5);
        assertThat(footer.decode(" Thank ")).isEqualTo("Thank");
        assertThatThrownBy(() -> footer.decode("Thanks"))
                .isInstanceOfSatisfying(InvalidSettingValueException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("setting.error.text");
                    assertThat(e.arguments()).containsExactly(5);
                });
    }

    @Test
    void a_choice_takes_the_name_of_one_of_its_constants_and_labels_each() {
        var policy = Setting.choice("attendance", "consumption", ChronoUnit.class, ChronoUnit.DAYS);
        assertThat(policy.decode("HOURS")).isEqualTo(ChronoUnit.HOURS);
        assertThat(policy.encode(ChronoUnit.HALF_DAYS)).isEqualTo("HALF_DAYS");
        assertThat(policy.choices()).contains(ChronoUnit.DAYS, ChronoUnit.HOURS);
        assertThat(policy.choiceKey(ChronoUnit.HALF_DAYS)).isEqualTo("setting.attendance.consumption.half-days");
        assertThatThrownBy(() -> policy.decode("FORTNIGHTS"))
                .isInstanceOfSatisfying(InvalidSettingValueException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("setting.error.choice"));
    }

    @Test
    void a_cron_expression_must_be_one_spring_can_schedule() {
        var nightly = Setting.cron("reconciliation", "import-schedule", "0 0 2 * * *");
        assertThat(nightly.decode("0 30 1 * * MON-FRI")).isEqualTo("0 30 1 * * MON-FRI");
        assertThatThrownBy(() -> nightly.decode("every night"))
                .isInstanceOfSatisfying(InvalidSettingValueException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("setting.error.cron"));
        assertThatThrownBy(() -> Setting.cron("reconciliation", "import-schedule", "0 0 2 * *"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
