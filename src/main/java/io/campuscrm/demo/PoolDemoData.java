package io.campuscrm.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.random.RandomGenerator;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import io.campuscrm.admissions.ConversionDraft;
import io.campuscrm.admissions.Lead;
import io.campuscrm.admissions.LeadBulkLoader;
import io.campuscrm.admissions.LeadConversionService;
import io.campuscrm.admissions.LeadPoolService;
import io.campuscrm.admissions.LeadService;
import io.campuscrm.admissions.LeadStage;
import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.ClassDetails;
import io.campuscrm.scheduling.ClassStatus;
import io.campuscrm.scheduling.EnrollmentService;
import io.campuscrm.students.GuardianRelationship;

/**
 * 私海 and 公海 (decision 0076) and conversions (decision 0079) in the demo. Both campuses keep their new leads in their
 * pools (the default; the Settings screen sends a campus's round its team instead). The owners' last follow-ups are spread over the last
 * weeks, and the return is run once: leads quiet for longer than the campus's days are back in the pools (on their
 * history, returned today), those close to it are on their owners' dashboards and in a warning e-mail. At each campus
 * a few leads who came to a trial are converted into students enrolled in a class with a free place, so that the
 * students' timelines show where they came from.
 */
@Component
class PoolDemoData implements DemoDataStep {

    /** How many leads of each campus are converted here. */
    private static final int CONVERTED = 2;

    private final LeadBulkLoader loader;
    private final LeadPoolService pool;
    private final LeadService leads;
    private final LeadConversionService conversions;
    private final EnrollmentService enrollments;
    private final InstitutionService institution;
    private final java.time.Clock clock;

    PoolDemoData(LeadBulkLoader loader, LeadPoolService pool, LeadService leads, LeadConversionService conversions,
            EnrollmentService enrollments, InstitutionService institution,
            java.time.Clock clock) {
        this.loader = loader;
        this.pool = pool;
        this.leads = leads;
        this.conversions = conversions;
        this.enrollments = enrollments;
        this.institution = institution;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 74;
    }

    @Override
    public void generate(DemoScale scale, DemoContext context, RandomGenerator random) {
        var campuses = context.campuses();
        if (campuses.isEmpty() || scale.leads() <= 0) {
            return;
        }
        // a little past the default return of 14 days, so that some are returned and some are warned
        loader.spreadQuiet(18 * 24);
        pool.returnQuietLeads();
        for (Campus campus : campuses) {
            convert(campus, context.classes());
        }
    }

    /** A few of the campus's leads who came to a trial become students, each in a class of theirs with a place. */
    private void convert(Campus campus, List<ClassDetails> classes) {
        var open = classes.stream().filter(c -> c.campusId() == campus.id() && (c.status() == ClassStatus.RUNNING
                || c.status() == ClassStatus.OPEN)).toList();
        if (open.isEmpty()) {
            return;
        }
        var today = LocalDate.now(clock.withZone(institution.settings().timeZone()));
        var attended = leads.find(new LeadService.LeadFilter(campus.id(), LeadStage.TRIAL_ATTENDED, null, false,
                false, false), PageRequest.of(0, 20)).getContent();
        int converted = 0;
        for (Lead lead : attended) {
            if (converted == CONVERTED) {
                break;
            }
            if (lead.guardianName() == null) {
                continue;
            }
            var place = open.stream().filter(c -> lead.courseId() == null || c.courseId() == lead.courseId())
                    .filter(c -> enrollments.occupancy(c.id()).free() > 0).findFirst();
            if (place.isEmpty()) {
                continue;
            }
            // a new student has no other class to clash with, and the class has a place: nothing here is refused
            conversions.convert(lead.id(), lead.version(), new ConversionDraft(lead.childName(), null, null, null,
                    null, lead.familyId(), GuardianRelationship.MOTHER, place.get().id(), today, null, null, null,
                    true));
            converted++;
        }
    }
}
