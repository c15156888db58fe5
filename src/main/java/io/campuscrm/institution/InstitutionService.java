package io.campuscrm.institution;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.validation.annotation.Validated;

import io.campuscrm.institution.internal.CampusEntity;
import io.campuscrm.institution.internal.CampusRepository;
import io.campuscrm.institution.internal.InstitutionEntity;
import io.campuscrm.institution.internal.InstitutionRepository;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;

import jakarta.validation.Valid;

/**
 * Reads and changes the institution's settings and campuses. Everyone signed in reads; administrators change. The
 * institution's settings (its time zone, locale, currency) are read on nearly every call of every module, so they are
 * held in memory and read again after a change commits here, or after {@link #SETTINGS_MAX_AGE} so that a change made
 * on another application node is seen too — as {@link Settings} does.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class InstitutionService {

    static final Duration SETTINGS_MAX_AGE = Duration.ofSeconds(30);
    /** Bound to a transaction that changed the settings (each service instance its own key). */
    private final Object changedKey = new Object();

    private final InstitutionRepository institutions;
    private final CampusRepository campuses;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AtomicLong generation = new AtomicLong();
    private volatile @Nullable Loaded loaded;

    private record Loaded(InstitutionSettings settings, Instant at) {
    }

    InstitutionService(InstitutionRepository institutions, CampusRepository campuses,
            ApplicationEventPublisher events, Clock clock) {
        this.institutions = institutions;
        this.campuses = campuses;
        this.clock = clock;
        this.events = events;
    }

    @PreAuthorize("permitAll()")
    public PublicProfile publicProfile() {
        var settings = current();
        return new PublicProfile(settings.name(), settings.locale(), settings.timeZone());
    }

    @PreAuthorize("isAuthenticated()")
    public InstitutionSettings settings() {
        return current();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public InstitutionSettings updateSettings(@Valid InstitutionSettings changed) {
        var entity = institution();
        entity.checkVersion(changed.version());
        var before = entity.toSettings();
        entity.apply(changed);
        var saved = institutions.saveAndFlush(entity).toSettings();
        events.publishEvent(AuditEvent.updated("Institution", 1, AuditSummary.of("audit.institution.changed"),
                withoutVersion(before), withoutVersion(saved)));
        changedInThisTransaction();
        return saved;
    }

    /** All campuses, active first, by name: an institution has a handful. */
    @PreAuthorize("isAuthenticated()")
    public List<Campus> campuses() {
        return campuses.findAll(Sort.by(Sort.Order.desc("active"), Sort.Order.asc("name"))).stream()
                .map(CampusEntity::toCampus).toList();
    }

    @PreAuthorize("isAuthenticated()")
    public Map<Long, Campus> campusesById(Collection<Long> ids) {
        return campuses.findAllById(ids).stream().map(CampusEntity::toCampus)
                .collect(Collectors.toMap(Campus::id, Function.identity()));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Campus createCampus(@Valid CampusDraft draft) {
        requireUniqueName(draft.name(), null);
        var saved = campuses.saveAndFlush(new CampusEntity(draft)).toCampus();
        events.publishEvent(AuditEvent.created("Campus", saved.id(),
                AuditSummary.of("audit.campus.created", saved.name()), draft));
        return saved;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Campus updateCampus(long id, long version, @Valid CampusDraft draft) {
        var entity = campuses.findById(id)
                .orElseThrow(() -> new NotFoundException());
        entity.checkVersion(version);
        requireUniqueName(draft.name(), id);
        var before = entity.toDraft();
        entity.apply(draft);
        var saved = campuses.saveAndFlush(entity).toCampus();
        events.publishEvent(AuditEvent.updated("Campus", id, AuditSummary.of("audit.campus.changed", saved.name()),
                before, draft));
        return saved;
    }

    private void requireUniqueName(String name, Long exceptId) {
        campuses.findByNameIgnoreCase(name.strip())
                .filter(existing -> !existing.getId().equals(exceptId))
                .ifPresent(existing -> {
                    throw new DomainException("name", "campus.error.duplicate-name", name.strip());
                });
    }

    private InstitutionSettings current() {
        if (TransactionSynchronizationManager.hasResource(changedKey)) {
            return institution().toSettings();
        }
        var held = loaded;
        var now = clock.instant();
        if (held != null && now.isBefore(held.at().plus(SETTINGS_MAX_AGE))) {
            return held.settings();
        }
        long loading = generation.get();
        var settings = institution().toSettings();
        if (generation.get() == loading) { // a change committed while loading: the next read loads again
            loaded = new Loaded(settings, now);
        }
        return settings;
    }

    /**
     * Until the transaction that changed the settings ends, its own reads load them (the change is not committed, so
     * nobody else may see it yet, and it must not be held); after it commits everyone reads them again.
     */
    private void changedInThisTransaction() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            generation.incrementAndGet();
            loaded = null;
            return;
        }
        if (TransactionSynchronizationManager.hasResource(changedKey)) {
            return;
        }
        TransactionSynchronizationManager.bindResource(changedKey, Boolean.TRUE);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(changedKey);
                if (status == STATUS_COMMITTED) {
                    generation.incrementAndGet();
                    loaded = null;
                }
            }
        });
    }

    private InstitutionEntity institution() {
        return institutions.findById(InstitutionEntity.ID).orElseThrow();
    }

    private static InstitutionSettings withoutVersion(InstitutionSettings s) {
        return new InstitutionSettings(s.name(), s.currency(), s.timeZone(), s.locale(), s.address(), s.phone(),
                s.email(), 0);
    }
}
