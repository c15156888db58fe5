package io.campuscrm.admissions;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.campuscrm.admissions.internal.IntakeKeyStore;
import io.campuscrm.admissions.internal.LeadStore;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.security.CurrentUser;
import jakarta.validation.Valid;

/**
 * The keys the intake endpoint takes, one per caller (the school's website, each ad platform), so that each can be
 * told apart in the leads it sends, limited on its own, and revoked on its own when it leaks. Administrators only.
 * A key is shown once, when it is made; only its SHA-256 is kept.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class IntakeKeyService {

    /** Keys start with this, so that a leaked one is recognised for what it is (by people and secret scanners). */
    public static final String PREFIX = "ccrm_";
    private static final int SHOWN = 12;
    private static final int SHORTEST_REGISTERED = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final IntakeKeyStore keys;
    private final LeadStore leads;
    private final InstitutionService institution;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    IntakeKeyService(IntakeKeyStore keys, LeadStore leads, InstitutionService institution, CurrentUser currentUser,
            ApplicationEventPublisher events, Clock clock) {
        this.keys = keys;
        this.leads = leads;
        this.institution = institution;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** Every key, live ones first. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<IntakeKey> keys() {
        return keys.all();
    }

    /** Makes a key: 240 random bits after {@value #PREFIX}. The answer holds the key itself, this once. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public NewIntakeKey create(@Valid IntakeKeyDraft draft) {
        byte[] bytes = new byte[30];
        RANDOM.nextBytes(bytes);
        return save(draft, PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /**
     * Takes a key made elsewhere (one the school's website already sends, moving from another system; the demo's
     * documented key): at least 24 characters, not already taken.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public NewIntakeKey register(@Valid IntakeKeyDraft draft, String secret) {
        if (secret == null || secret.strip().length() < SHORTEST_REGISTERED || !secret.equals(secret.strip())) {
            throw new DomainException("secret", "intake.key.error.short");
        }
        if (keys.hashTaken(secret)) {
            throw new DomainException("secret", "intake.key.error.taken");
        }
        return save(draft, secret);
    }

    /** Revokes a key: the endpoint answers 401 to it from now on; the leads it brought stay. */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public IntakeKey revoke(long id, long version) {
        var key = keys.find(id).orElseThrow(NotFoundException::new);
        if (key.revoked()) {
            return key;
        }
        if (!keys.revoke(id, version, clock.instant(), currentUser.username())) {
            // revoked meanwhile by someone else: the key is revoked, as asked
            return keys.find(id).orElseThrow();
        }
        events.publishEvent(AuditEvent.of(AuditAction.UPDATE, "IntakeKey", id,
                AuditSummary.of("audit.intake-key.revoked", key.name())));
        return keys.find(id).orElseThrow();
    }

    private NewIntakeKey save(IntakeKeyDraft draft, String secret) {
        if (keys.nameTaken(draft.name())) {
            throw new DomainException("name", "intake.key.error.name-taken");
        }
        var source = leads.entries("lead_source").get(draft.sourceId());
        if (source == null || !source.active()) {
            throw new DomainException("sourceId", "lead.error.source");
        }
        if (draft.campusId() != null && !institution.campusesById(List.of(draft.campusId()))
                .containsKey(draft.campusId())) {
            throw new DomainException("campusId", "lead.error.campus");
        }
        if (draft.campaignId() != null && !keys.campaignExists(draft.campaignId())) {
            throw new DomainException("campaignId", "lead.error.campaign");
        }
        long id = keys.insert(draft, secret, secret.substring(0, Math.min(SHOWN, secret.length())), clock.instant(),
                currentUser.username());
        events.publishEvent(AuditEvent.of(AuditAction.CREATE, "IntakeKey", id,
                AuditSummary.of("audit.intake-key.created", draft.name().strip())));
        return new NewIntakeKey(keys.find(id).orElseThrow(), secret);
    }
}
