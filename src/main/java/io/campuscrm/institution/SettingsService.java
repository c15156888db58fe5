package io.campuscrm.institution;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.campuscrm.institution.internal.CampusRepository;
import io.campuscrm.institution.internal.SettingValueEntity;
import io.campuscrm.institution.internal.SettingValueRepository;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.domain.StaleEditException;
import io.campuscrm.shared.settings.Setting;

/**
 * Administrators' view and changes of the declared settings: an override for the institution or a campus, and a
 * reset to the default. Each change is checked against the setting's type and range, refused when someone else
 * changed the same value meanwhile, and written to the audit log with its value before and after.
 */
@Service
@Transactional(readOnly = true)
public class SettingsService {

    private final Settings settings;
    private final SettingValueRepository values;
    private final CampusRepository campuses;
    private final InstitutionService institution;
    private final ApplicationEventPublisher events;

    SettingsService(Settings settings, SettingValueRepository values, CampusRepository campuses,
            InstitutionService institution, ApplicationEventPublisher events) {
        this.settings = settings;
        this.values = values;
        this.campuses = campuses;
        this.institution = institution;
        this.events = events;
    }

    /** Every declared setting with what is stored for it, grouped by module. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<SettingState> all() {
        Map<String, List<SettingValueEntity>> stored = values.findAll().stream()
                .collect(Collectors.groupingBy(SettingValueEntity::getSettingKey));
        var campusIds = institution.campuses().stream().map(Campus::id).toList();
        return settings.declared().stream().map(setting -> {
            Map<Long, SettingValueEntity> byCampus = stored.getOrDefault(setting.key(), List.of()).stream()
                    .collect(Collectors.toMap(v -> v.getCampusId() == null ? 0L : v.getCampusId(),
                            Function.identity()));
            var institution = value(byCampus.get(0L), null);
            var perCampus = setting.isPerCampus()
                    ? campusIds.stream().map(id -> value(byCampus.get(id), id)).toList()
                    : List.<SettingValue>of();
            return new SettingState(setting, institution, perCampus);
        }).toList();
    }

    /** How many values are overridden, for the institution or a campus: 0 while every setting is on its default. */
    @PreAuthorize("hasRole('ADMIN')")
    public long overrides() {
        return values.count();
    }

    /**
     * Overrides a setting for the institution ({@code campusId} null) or a campus.
     *
     * @param version the version of the value the administrator saw ({@link SettingValue#NEW} if none was stored)
     * @param value   the value's canonical text ({@link Setting#encode})
     * @throws io.campuscrm.shared.settings.InvalidSettingValueException on {@code value}, saying what to enter
     * @throws StaleEditException when someone else changed or reset the same value meanwhile
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public SettingValue change(String key, @Nullable Long campusId, long version, String value) {
        var setting = setting(key, campusId);
        String canonical = encode(setting, value);
        return store(setting, campusId, version, canonical);
    }

    /** Puts a setting back on the default (for a campus: on the institution's value). */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public SettingValue reset(String key, @Nullable Long campusId, long version) {
        return store(setting(key, campusId), campusId, version, null);
    }

    private SettingValue store(Setting<?> setting, @Nullable Long campusId, long version,
            @Nullable String newValue) {
        var existing = values.findSlot(setting.key(), campusId);
        if (existing.isEmpty() && version != SettingValue.NEW) {
            throw new IllegalStateException("A stored value of " + setting.key() + " disappeared");
        }
        if (existing.isPresent() && version == SettingValue.NEW) {
            throw new StaleEditException(String.valueOf(existing.get().getUpdatedBy()),
                    existing.get().getUpdatedAt());
        }
        existing.ifPresent(e -> e.checkVersion(version));
        var entity = existing.orElseGet(() -> new SettingValueEntity(setting.key(), campusId));
        var before = new Snapshot(shown(setting, campusId, entity.getValue()));
        entity.setValue(newValue);
        var saved = values.saveAndFlush(entity);
        var after = new Snapshot(shown(setting, campusId, newValue));
        if (!before.equals(after)) {
            var label = AuditSummary.key(setting.labelKey());
            var summary = campusId == null
                    ? AuditSummary.of(newValue == null ? "audit.setting.reset" : "audit.setting.changed", label)
                    : AuditSummary.of(newValue == null ? "audit.setting.campus-reset" : "audit.setting.campus-changed",
                            label, campusName(campusId));
            events.publishEvent(AuditEvent.updated("Setting", campusId == null ? setting.key()
                    : setting.key() + "@" + campusId, summary, before, after));
        }
        afterCommit(settings::invalidate);
        return new SettingValue(campusId, saved.getValue(), saved.getVersion());
    }

    private Setting<?> setting(String key, @Nullable Long campusId) {
        var setting = settings.declared(key).orElseThrow(NotFoundException::new);
        if (campusId != null) {
            if (!setting.isPerCampus()) {
                throw new DomainException("campus", "setting.error.not-per-campus");
            }
            if (!campuses.existsById(campusId)) {
                throw new NotFoundException();
            }
        }
        return setting;
    }

    private String campusName(long campusId) {
        return campuses.findById(campusId).map(c -> c.toCampus().name()).orElseThrow();
    }

    /** The value as the audit log shows it: an override's text, or what applies without one. */
    private static String shown(Setting<?> setting, @Nullable Long campusId, @Nullable String value) {
        if (value != null) {
            return value;
        }
        return campusId == null ? "(default " + setting.encodedDefault() + ")" : "(institution's)";
    }

    /** Checks a value and gives its canonical text ({@code " 042"} is {@code 42}). */
    private static <T> String encode(Setting<T> setting, String value) {
        return setting.encode(setting.decode(value));
    }

    private static SettingValue value(@Nullable SettingValueEntity entity, @Nullable Long campusId) {
        return entity == null ? new SettingValue(campusId, null, SettingValue.NEW)
                : new SettingValue(campusId, entity.getValue(), entity.getVersion());
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    /** What the audit line compares. */
    private record Snapshot(String value) {
    }
}
