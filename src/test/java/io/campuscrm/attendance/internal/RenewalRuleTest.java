package io.campuscrm.attendance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** When a student's package ran out and whether they renewed, on packages written out here (window 30 days). */
class RenewalRuleTest {

    private static final LocalDate TODAY = LocalDate.of(2030, 3, 20);
    private static final LocalDate FROM = LocalDate.of(2030, 1, 1);
    private static final LocalDate TO = LocalDate.of(2030, 3, 20);
    private static final int WINDOW = 30;

    private long ids;

    /** A package of 10 lessons created on {@code created}, valid from then for a year, with these used. */
    private RenewalRule.Pkg pkg(LocalDate created, int used, LocalDate lastUsed) {
        return new RenewalRule.Pkg(++ids, 7, 3, 1L, created, created, created.plusYears(1), BigDecimal.TEN,
                BigDecimal.valueOf(used), BigDecimal.ZERO, lastUsed, 11L);
    }

    private RenewalRule.Pkg expiring(LocalDate created, LocalDate expires, int used, int forfeited) {
        return new RenewalRule.Pkg(++ids, 7, 3, 1L, created, created, expires, BigDecimal.TEN,
                BigDecimal.valueOf(used + forfeited), BigDecimal.valueOf(forfeited), created.plusDays(7), 11L);
    }

    private static List<RenewalRule.RanOut> ranOut(RenewalRule.Pkg... packages) {
        return RenewalRule.ranOut(List.of(packages), FROM, TO, TODAY, WINDOW);
    }

    @Test
    void a_package_used_up_runs_out_on_its_last_lesson_and_one_bought_within_the_window_renews_it() {
        var used = pkg(LocalDate.of(2029, 9, 1), 10, LocalDate.of(2030, 2, 1));
        var next = pkg(LocalDate.of(2030, 3, 3), 0, null);

        assertThat(ranOut(used, next)).singleElement().satisfies(r -> {
            assertThat(r.pkg()).isEqualTo(used);
            assertThat(r.on()).isEqualTo(LocalDate.of(2030, 2, 1));
            assertThat(r.renewed()).isTrue();
            assertThat(r.windowOpen()).isFalse();
        });
    }

    @Test
    void a_package_bought_after_the_window_is_no_renewal_and_the_window_has_closed() {
        var used = pkg(LocalDate.of(2029, 9, 1), 10, LocalDate.of(2030, 2, 1));
        var late = pkg(LocalDate.of(2030, 3, 4), 0, null);

        assertThat(ranOut(used, late)).singleElement().satisfies(r -> {
            assertThat(r.renewed()).isFalse();
            assertThat(r.windowOpen()).isFalse();
        });
    }

    @Test
    void a_student_who_has_not_renewed_yet_may_still_while_the_window_is_open() {
        var used = pkg(LocalDate.of(2029, 9, 1), 10, LocalDate.of(2030, 3, 1));

        assertThat(ranOut(used)).singleElement().satisfies(r -> {
            assertThat(r.renewed()).isFalse();
            assertThat(r.windowOpen()).isTrue();
        });
    }

    @Test
    void a_student_with_another_package_in_force_has_not_run_out() {
        var used = pkg(LocalDate.of(2029, 9, 1), 10, LocalDate.of(2030, 2, 1));
        var inForce = pkg(LocalDate.of(2029, 12, 1), 4, LocalDate.of(2030, 3, 10));

        assertThat(ranOut(used, inForce)).isEmpty();
    }

    @Test
    void a_package_bought_ahead_that_starts_after_the_run_out_is_a_renewal() {
        var used = pkg(LocalDate.of(2029, 9, 1), 10, LocalDate.of(2030, 2, 1));
        var ahead = new RenewalRule.Pkg(99, 7, 3, 1L, LocalDate.of(2030, 1, 15), LocalDate.of(2030, 2, 2),
                LocalDate.of(2031, 2, 2), BigDecimal.TEN, BigDecimal.ZERO, BigDecimal.ZERO, null, 11L);

        assertThat(ranOut(used, ahead)).singleElement().satisfies(r -> assertThat(r.renewed()).isTrue());
    }

    @Test
    void a_package_that_expired_with_lessons_left_runs_out_on_its_expiry_whether_or_not_expiry_has_run() {
        var forfeited = expiring(LocalDate.of(2029, 9, 1), LocalDate.of(2030, 1, 31), 6, 4);
        var notYetForfeited = expiring(LocalDate.of(2029, 9, 1), LocalDate.of(2030, 2, 28), 6, 0);

        assertThat(ranOut(forfeited)).singleElement().satisfies(r -> assertThat(r.on())
                .isEqualTo(LocalDate.of(2030, 1, 31)));
        assertThat(ranOut(notYetForfeited)).singleElement().satisfies(r -> assertThat(r.on())
                .isEqualTo(LocalDate.of(2030, 2, 28)));
        assertThat(RenewalRule.ranOutOn(expiring(LocalDate.of(2029, 9, 1), TODAY, 6, 0), TODAY))
                .as("valid through today").isNull();
    }

    @Test
    void packages_in_force_or_run_out_outside_the_period_are_not_counted() {
        var inForce = pkg(LocalDate.of(2029, 9, 1), 3, LocalDate.of(2030, 3, 1));
        var before = pkg(LocalDate.of(2029, 6, 1), 10, LocalDate.of(2029, 12, 31));

        assertThat(ranOut(before)).isEmpty();
        assertThat(RenewalRule.ranOutOn(inForce, TODAY)).isNull();
    }

    @Test
    void two_packages_running_out_on_the_same_day_are_one_run_out() {
        var one = pkg(LocalDate.of(2029, 9, 1), 10, LocalDate.of(2030, 2, 1));
        var other = pkg(LocalDate.of(2029, 10, 1), 10, LocalDate.of(2030, 2, 1));

        assertThat(ranOut(one, other)).hasSize(1);
    }
}
