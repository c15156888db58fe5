package io.campuscrm.demo;

/**
 * How much demo data to make. {@link #DEMO} is what README's run command shows; benchmarks use larger scales.
 *
 * @param staffPerRole extra users per role beyond the four demo logins
 * @param students     students (in families of one to three siblings, about 1.5 per family)
 * @param seed         the random seed: the same seed makes the same data
 */
public record DemoScale(int staffPerRole, int students, long seed) {

    public static final DemoScale DEMO = new DemoScale(2, 150, 20261122L);

    public DemoScale withStudents(int count) {
        return new DemoScale(staffPerRole, count, seed);
    }
}
