package io.campuscrm.admissions;

/** A key just made: {@code secret} is the key itself, shown this once and never again. */
public record NewIntakeKey(IntakeKey key, String secret) {

    @Override
    public String toString() {
        return "NewIntakeKey[" + key.name() + ", " + key.prefix() + "…]";
    }
}
