package io.campuscrm.students.internal;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.campuscrm.institution.Settings;
import io.campuscrm.shared.settings.Setting;
import io.campuscrm.shared.settings.SettingsDeclaration;

/**
 * The students module's settings, which an administrator may change at run time: the largest document (a campus
 * may allow larger scans) and the most rows of one import. Their defaults are the {@code campuscrm.students.*}
 * properties ({@link StudentsSettings}).
 */
@Component
public class StudentsLimits implements SettingsDeclaration {

    /** Uploads pass the servlet's multipart limit first ({@code spring.servlet.multipart.max-file-size}). */
    static final int MAX_DOCUMENT_MB = 20;

    private final Setting<Integer> documentMaxSize;
    private final Setting<Integer> importMaxRows;
    private final Settings settings;

    StudentsLimits(StudentsSettings defaults, Settings settings) {
        this.documentMaxSize = Setting.integer("students", "document-max-size",
                (int) defaults.documentMaxSize().toMegabytes(), 1, MAX_DOCUMENT_MB).perCampus();
        this.importMaxRows = Setting.integer("students", "import-max-rows", defaults.importMaxRows(), 100,
                100_000);
        this.settings = settings;
    }

    @Override
    public List<Setting<?>> settings() {
        return List.of(documentMaxSize, importMaxRows);
    }

    /** The largest document, in bytes, for a student of the campus (or of none). */
    public long documentMaxBytes(@Nullable Long campusId) {
        return settings.get(documentMaxSize, campusId) * 1024L * 1024L;
    }

    /** The most rows one CSV import may have. */
    public int importMaxRows() {
        return settings.get(importMaxRows);
    }
}
