package io.campuscrm.demo;

/**
 * How much demo data to make. {@link #DEMO} is what README's run command shows; benchmarks use larger scales.
 *
 * @param staffPerRole    extra users per role beyond the four demo logins
 * @param students        students (in families of one to three siblings, about 1.5 per family)
 * @param classCount      classes in the current term, each with a weekly schedule (about 15–35 sessions a class;
 *                        rooms and teachers are added as needed so that no two sessions clash)
 * @param pastTerms       terms before the current one, over and done with: their classes held every session and
 *                        their attendance was taken (history at benchmark scale; none in the demo)
 * @param pastTermClasses classes in each past term, bulk-loaded with their students (rooms and teachers added so that
 *                        nothing clashes)
 * @param leads           enrollment leads of the last six months besides the demo's few story leads, bulk-loaded in
 *                        every stage with their follow-ups (the older, the further along or closed)
 * @param seed            the random seed: the same seed makes the same data
 */
public record DemoScale(int staffPerRole, int students, int classCount, int pastTerms, int pastTermClasses,
        int leads, long seed) {

    public static final DemoScale DEMO = new DemoScale(2, 150, 14, 20261122L);

    /** A scale without past terms, with the demo's 400 leads. */
    public DemoScale(int staffPerRole, int students, int classCount, long seed) {
        this(staffPerRole, students, classCount, 0, 0, 400, seed);
    }

    public DemoScale withStudents(int count) {
        return new DemoScale(staffPerRole, count, classCount, pastTerms, pastTermClasses, leads, seed);
    }

    public DemoScale withClasses(int count) {
        return new DemoScale(staffPerRole, students, count, pastTerms, pastTermClasses, leads, seed);
    }

    /** {@code terms} past terms of {@code classesPerTerm} classes each. */
    public DemoScale withPastTerms(int terms, int classesPerTerm) {
        return new DemoScale(staffPerRole, students, classCount, terms, classesPerTerm, leads, seed);
    }

    public DemoScale withLeads(int count) {
        return new DemoScale(staffPerRole, students, classCount, pastTerms, pastTermClasses, count, seed);
    }
}
