package io.campuscrm.demo;

/**
 * How much demo data to make. {@link #DEMO} is what README's run command shows; benchmarks use larger scales.
 *
 * @param staffPerRole extra users per role beyond the four demo logins
 * @param seed         the random seed: the same seed makes the same data
 */
public record DemoScale(int staffPerRole, long seed) {

    public static final DemoScale DEMO = new DemoScale(2, 20261122L);
}
