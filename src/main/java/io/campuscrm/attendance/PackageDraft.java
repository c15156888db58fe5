package io.campuscrm.attendance;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A new package: whose, of which course, how many lessons or hours, for what value, valid from when to when. Billing
 * sells one with {@code sourceRef} its invoice's number; an administrator grants one without.
 */
public record PackageDraft(long studentId, long courseId, @NotNull PackageUnit unit,
        @NotNull @DecimalMin(value = "0.5") @DecimalMax("9999") @Digits(integer = 4, fraction = 2) BigDecimal quantity,
        @NotNull @DecimalMin("0") @Digits(integer = 17, fraction = 2) BigDecimal purchaseValue,
        @NotNull LocalDate startsOn, @NotNull LocalDate expiresOn, @Nullable @Size(max = 100) String sourceRef,
        @Nullable @Size(max = 500) String note) {
}
