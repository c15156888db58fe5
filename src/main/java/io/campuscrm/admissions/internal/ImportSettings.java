package io.campuscrm.admissions.internal;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.campuscrm.shared.settings.Setting;
import io.campuscrm.shared.settings.SettingsDeclaration;

/** The lead import's settings: how large one file may be. */
@Configuration
public class ImportSettings {

    /**
     * The most rows one CSV file of leads may have: a school moving in from another system brings a few years of
     * inquiries at once; a larger file is refused whole (split it) rather than read into memory.
     */
    public static final Setting<Integer> MAX_ROWS = Setting.integer("admissions", "import-max-rows", 20_000, 100,
            100_000);

    @Bean
    SettingsDeclaration admissionsImportSettingsDeclaration() {
        return () -> List.of(MAX_ROWS);
    }
}
