package io.campuscrm.demo;

import java.util.random.RandomGenerator;

import io.campuscrm.admissions.IntakeKeyDraft;
import io.campuscrm.admissions.IntakeKeyService;
import io.campuscrm.admissions.LeadService;

import org.springframework.stereotype.Component;

/**
 * The demo's intake key, with a value written down in README so that its {@code curl} example works against a fresh
 * demo: the school website's key, filing leads as "Website" at the first campus. A real school's keys are made on
 * the admissions settings screen and shown once.
 */
@Component
class IntakeDemoData implements DemoDataStep {

    /** The demo key, as README shows it. */
    static final String DEMO_KEY = "ccrm_demo-website-key-for-the-readme";

    private final IntakeKeyService keys;
    private final LeadService leads;

    IntakeDemoData(IntakeKeyService keys, LeadService leads) {
        this.keys = keys;
        this.leads = leads;
    }

    @Override
    public int order() {
        return 72;
    }

    @Override
    public void generate(DemoScale scale, DemoContext context, RandomGenerator random) {
        if (context.campuses().isEmpty()) {
            return;
        }
        long website = leads.sources().stream().filter(s -> "lead.source.website".equals(s.labelKey())).findFirst()
                .orElseThrow().id();
        keys.register(new IntakeKeyDraft("School website", website, context.campuses().getFirst().id(), null, 60),
                DEMO_KEY);
    }
}
