package io.campuscrm.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.random.RandomGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.students.BulkFamily;
import io.campuscrm.students.StudentBulkLoader;
import io.campuscrm.students.StudentNoteService;

/**
 * Students in families across the campuses ({@link DemoScale#students()}: 150 for the demo, 100,000 for benchmarks),
 * loaded in JDBC batches, plus a few notes so that files and timelines have something to show.
 */
@Component
class StudentsDemoData implements DemoDataStep {

    private static final Logger log = LoggerFactory.getLogger(StudentsDemoData.class);
    private static final List<String> NOTES = List.of(
            "Mother asked for a make-up class after the school camp.",
            "Strong in problem sums; suggested moving up a level next term.",
            "Allergic to peanuts: no snacks in class.",
            "Father prefers WhatsApp over calls.",
            "Trial lesson went well; enrolled for the term.");

    private final StudentBulkLoader loader;
    private final StudentNoteService notes;
    private final InstitutionService institution;
    private final Clock clock;

    StudentsDemoData(StudentBulkLoader loader, StudentNoteService notes,
            InstitutionService institution, Clock clock) {
        this.loader = loader;
        this.notes = notes;
        this.institution = institution;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public void generate(DemoScale scale, DemoContext context, RandomGenerator random) {
        if (scale.students() <= 0) {
            return;
        }
        long start = System.nanoTime();
        var zone = institution.settings().timeZone();
        List<BulkFamily> families = new DemoFamilies(random, context.campuses(), LocalDate.now(clock.withZone(zone)),
                zone).generate(scale.students());
        List<Long> ids = loader.load(families);
        int i = 0;
        for (BulkFamily family : families) {
            for (var student : family.students()) {
                context.addStudent(ids.get(i++), student.campusId() == null ? 0 : student.campusId());
            }
        }
        for (int n = 0; n < Math.min(NOTES.size() * 2, ids.size()); n++) {
            notes.add(ids.get(n * 3 % ids.size()), NOTES.get(n % NOTES.size()));
        }
        log.info("{} demo students in {} families loaded in {} ms", ids.size(), families.size(),
                (System.nanoTime() - start) / 1_000_000);
    }
}
