package io.campuscrm.demo;

import java.time.ZoneId;
import java.util.Currency;
import java.util.Locale;
import java.util.random.RandomGenerator;

import org.springframework.stereotype.Component;

import io.campuscrm.institution.CampusDraft;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.institution.InstitutionSettings;
import io.campuscrm.institution.SettingValue;
import io.campuscrm.institution.SettingsService;

/**
 * A bilingual language and tutoring school in Singapore with two campuses; Tampines, which scans certificates at
 * the counter, allows larger documents than the institution's default.
 */
@Component
class InstitutionDemoData implements DemoDataStep {

    private final InstitutionService institution;
    private final SettingsService settings;

    InstitutionDemoData(InstitutionService institution, SettingsService settings) {
        this.institution = institution;
        this.settings = settings;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public void generate(DemoScale scale, DemoContext context, RandomGenerator random) {
        var current = institution.settings();
        institution.updateSettings(new InstitutionSettings("Harbourside Learning Centre", Currency.getInstance("SGD"),
                ZoneId.of("Asia/Singapore"), Locale.forLanguageTag("en-SG"),
                "101 Orchard Road, #05-12, Singapore 238839", "+65 6123 4567", "office@harbourside.example",
                current.version()));
        context.campuses().add(institution.createCampus(new CampusDraft("Orchard",
                "101 Orchard Road, #05-12, Singapore 238839", "+65 6123 4567", true)));
        var tampines = institution.createCampus(new CampusDraft("Tampines",
                "9 Tampines Central 1, #03-21, Singapore 529541", "+65 6789 0123", true));
        context.campuses().add(tampines);
        settings.change("students.document-max-size", tampines.id(), SettingValue.NEW, "20");
    }
}
