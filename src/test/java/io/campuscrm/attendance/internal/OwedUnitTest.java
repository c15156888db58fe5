package io.campuscrm.attendance.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import io.campuscrm.attendance.PackageUnit;

class OwedUnitTest {

    @Test
    void an_owed_quantity_in_the_paying_package_unit_is_paid_as_it_is() {
        assertThat(Ledger.owedIn(PackageUnit.HOURS, new BigDecimal("0.75"), PackageUnit.HOURS, 90))
                .isEqualByComparingTo("0.75");
        assertThat(Ledger.owedIn(PackageUnit.LESSONS, new BigDecimal("1.00"), null, 90)).isEqualByComparingTo("1");
    }

    @Test
    void an_owed_lesson_paid_from_hours_is_the_session_length_and_owed_hours_paid_from_lessons_a_share_of_one() {
        assertThat(Ledger.owedIn(PackageUnit.HOURS, new BigDecimal("1.00"), PackageUnit.LESSONS, 90))
                .isEqualByComparingTo("1.50");
        assertThat(Ledger.owedIn(PackageUnit.LESSONS, new BigDecimal("0.75"), PackageUnit.HOURS, 90))
                .isEqualByComparingTo("0.50");
        assertThat(Ledger.owedIn(PackageUnit.LESSONS, new BigDecimal("1.50"), PackageUnit.HOURS, 90))
                .isEqualByComparingTo("1.00");
    }

    @Test
    void a_session_of_unknown_length_counts_an_hour_a_lesson() {
        assertThat(Ledger.owedIn(PackageUnit.HOURS, new BigDecimal("1.00"), PackageUnit.LESSONS, 0))
                .isEqualByComparingTo("1.00");
    }
}
