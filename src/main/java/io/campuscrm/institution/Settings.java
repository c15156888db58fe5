package io.campuscrm.institution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

import io.campuscrm.institution.internal.SettingValueEntity;
import io.campuscrm.institution.internal.SettingValueRepository;
import io.campuscrm.shared.settings.InvalidSettingValueException;
import io.campuscrm.shared.settings.Setting;
import io.campuscrm.shared.settings.SettingsDeclaration;

/**
 * The values of the declared settings, for the modules that read them: a campus's own value, else the
 * institution's, else the default. Every override is held in memory (a few dozen rows) and read again after a change
 * commits, or after {@link #MAX_AGE} so that a change made on another application node is seen too.
 *
 * <p>Not an application service: its callers are module code, some running before anyone has signed in (a failed
 * sign-in counts towards a lockout), and a setting's value is configuration, not data of any role. Changing values
 * goes through {@link SettingsService}, for administrators only.
 */
@Component
public class Settings implements SmartInitializingSingleton {

    static final Duration MAX_AGE = Duration.ofSeconds(30);

    private static final Logger log = LoggerFactory.getLogger(Settings.class);

    private final ObjectProvider<SettingsDeclaration> declarations;
    private volatile Map<String, Setting<?>> declared = Map.of();
    private final SettingValueRepository values;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();
    private volatile @Nullable Snapshot cached;

    /** Declarations are collected once every bean exists: a module's declaration may itself read through this. */
    Settings(ObjectProvider<SettingsDeclaration> declarations, SettingValueRepository values, Clock clock) {
        this.declarations = declarations;
        this.values = values;
        this.clock = clock;
    }

    @Override
    public void afterSingletonsInstantiated() {
        declared = declarations.orderedStream().flatMap(d -> d.settings().stream())
                .sorted(Comparator.comparing(Setting::module))
                .collect(Collectors.collectingAndThen(Collectors.toMap(Setting::key, s -> s, (a, b) -> {
                    throw new IllegalStateException("Setting " + a.key() + " is declared twice");
                }, LinkedHashMap::new), Collections::unmodifiableMap));
    }

    /** The institution's value: its override, else the default. */
    public <T> T get(Setting<T> setting) {
        return get(setting, null);
    }

    /** The value at a campus: the campus's override (for a setting a campus may override), else the institution's. */
    public <T> T get(Setting<T> setting, @Nullable Long campusId) {
        if (!declared.containsKey(setting.key())) {
            throw new IllegalArgumentException("Setting " + setting.key() + " is read but no module declares it");
        }
        var snapshot = snapshot();
        if (campusId != null && setting.isPerCampus()) {
            var own = decoded(setting, snapshot.values().get(new Slot(setting.key(), campusId)));
            if (own != null) {
                return own;
            }
        }
        var institution = decoded(setting, snapshot.values().get(new Slot(setting.key(), 0)));
        return institution != null ? institution : setting.defaultValue();
    }

    /** Every declared setting, grouped by module (modules in alphabetical order, each in its declared order). */
    public Collection<Setting<?>> declared() {
        return declared.values();
    }

    public Optional<Setting<?>> declared(String key) {
        return Optional.ofNullable(declared.get(key));
    }

    /** Drops the cached values; the next read loads them again. */
    void invalidate() {
        generation.incrementAndGet();
        cached = null;
    }

    private Snapshot snapshot() {
        var snapshot = cached;
        Instant now = clock.instant();
        if (snapshot == null || !now.isBefore(snapshot.loadedAt().plus(MAX_AGE))) {
            long loading = generation.get();
            Map<Slot, String> loaded = values.findAll().stream().filter(v -> v.getValue() != null)
                    .collect(Collectors.toMap(Settings::slot, SettingValueEntity::getValue));
            snapshot = new Snapshot(Map.copyOf(loaded), now);
            if (generation.get() == loading) { // a change committed while loading: the next read loads again
                cached = snapshot;
            }
        }
        return snapshot;
    }

    private static Slot slot(SettingValueEntity value) {
        return new Slot(value.getSettingKey(), value.getCampusId() == null ? 0 : value.getCampusId());
    }

    /** A stored value that a newer release no longer accepts (a narrowed range) falls back rather than fail. */
    private static <T> @Nullable T decoded(Setting<T> setting, @Nullable String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return setting.decode(stored);
        } catch (InvalidSettingValueException e) {
            log.warn("Stored value {} of setting {} is no longer accepted; using the next level", stored, setting);
            return null;
        }
    }

    private record Slot(String key, long campusId) {
    }

    private record Snapshot(Map<Slot, String> values, Instant loadedAt) {
    }
}
