package io.campuscrm.attendance.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The rounding rule of 余费 (remaining prepaid value), decision 0064: a package's remaining value is its purchase
 * value times remaining over quantity, rounded half-up to the cent; nothing left is exactly zero. A ledger row's value
 * is the remaining value before it minus the remaining value after it, so that the values consumed always add up with
 * the remaining value to the purchase value, to the cent, whatever order lessons were consumed and reversed in.
 */
public final class PackageValue {

    private PackageValue() {
    }

    public static BigDecimal remaining(BigDecimal purchaseValue, BigDecimal quantity, BigDecimal consumed) {
        var left = quantity.subtract(consumed);
        if (left.signum() <= 0) {
            return BigDecimal.ZERO.setScale(2);
        }
        return purchaseValue.multiply(left).divide(quantity, 2, RoundingMode.HALF_UP);
    }

    /** The value of moving a package's consumption from {@code before} to {@code after} (negative when it goes back). */
    public static BigDecimal ofStep(BigDecimal purchaseValue, BigDecimal quantity, BigDecimal before,
            BigDecimal after) {
        return remaining(purchaseValue, quantity, before).subtract(remaining(purchaseValue, quantity, after));
    }

    /** A quantity without trailing zeros, never in exponent form: 12.00 is 12, 10.50 is 10.5, 10 stays 10. */
    public static BigDecimal plain(BigDecimal quantity) {
        var stripped = quantity.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
