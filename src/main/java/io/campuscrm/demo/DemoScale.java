package io.campuscrm.demo;

/**
 * How much demo data to make. {@link #DEMO} is what README's run command shows; benchmarks use larger scales.
 *
 * @param staffPerRole extra users per role beyond the four demo logins
 * @param students     students (in families of one to three siblings, about 1.5 per family)
 * @param classCount   classes in the current term, each with a weekly schedule (about 15–35 sessions a class;
 *                     rooms and teachers are added as needed so that no two sessions clash)
 * @param seed         the random seed: the same seed makes the same data
 */
public record DemoScale(int staffPerRole, int students, int classCount, long seed) {

    public static final DemoScale DEMO = new DemoScale(2, 150, 14, 20261122L);

    public DemoScale withStudents(int count) {
        return new DemoScale(staffPerRole, count, classCount, seed);
    }

    public DemoScale withClasses(int count) {
        return new DemoScale(staffPerRole, students, count, seed);
    }
}
