package io.campuscrm.admissions;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.SliceImpl;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

import io.campuscrm.admissions.internal.LeadCatalogStore;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.domain.StaleEditException;
import io.campuscrm.shared.security.CurrentUser;

import jakarta.validation.Valid;

/**
 * The admissions settings: the editable lists (where leads come from, why they were lost) and the campaigns.
 * Administrators add a school's own entries, rename them, move entries up and down and deactivate them; a
 * deactivated entry is no longer offered for new leads, but the leads that have it keep it and still show it.
 * Built-in entries keep their label in the reader's language: they are moved and deactivated, never renamed
 * (decision 0071). Campaigns record what was spent through a source over a period. Admissions users read the lists
 * and campaigns for their pickers and labels; every change is version-checked and audited.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class LeadCatalogService {

    /** The most campaigns a picker offers for one day: more would not be a choice anyone could make. */
    static final int MAX_CHOICES = 200;
    private static final int NAME_LENGTH = 100;
    /** DECIMAL(19,2): 17 digits before the point. */
    private static final BigDecimal MAX_COST = new BigDecimal("99999999999999999.99");

    private final LeadCatalogStore store;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LeadCatalogService(LeadCatalogStore store, CurrentUser currentUser,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    /** A list's entries, active and not, in their order (a short list: read whole). */
    @PreAuthorize(AdmissionsRoles.LEADS)
    public List<LeadListEntry> entries(LeadList list) {
        return store.entries(list);
    }

    /**
     * Adds a school's own entry at the end of the list.
     *
     * @throws DomainException on {@code name} when it is blank, too long, or another entry's name in any case
     */
    @PreAuthorize(AdmissionsRoles.SETTINGS)
    @Transactional
    public LeadListEntry add(LeadList list, String name) {
        String named = entryName(list, name, 0);
        long id;
        try {
            id = store.add(list, named, clock.instant(), currentUser.username());
        } catch (DuplicateKeyException sameName) {
            // the database's collation also ignores accents: "Cafe" and "Café" are one name there
            throw new DomainException("name", "lead.settings.error.duplicate", named);
        }
        events.publishEvent(AuditEvent.of(AuditAction.CREATE, list.auditType(), id, AuditSummary.of(
                "audit.lead-list.added", named, AuditSummary.key(list.messageKey()))));
        return entry(list, id);
    }

    /**
     * Renames a school's own entry. A built-in entry's label is a message in every language and is not renamed: a
     * school that words it differently deactivates it and adds its own.
     */
    @PreAuthorize(AdmissionsRoles.SETTINGS)
    @Transactional
    public LeadListEntry rename(LeadList list, long id, long version, String name) {
        var entry = entry(list, id);
        if (entry.builtIn()) {
            throw new DomainException("name", "lead.settings.error.built-in");
        }
        String named = entryName(list, name, id);
        if (named.equals(entry.name())) {
            return entry;
        }
        try {
            if (!store.rename(list, id, version, named, clock.instant(), currentUser.username())) {
                throw stale(list, id);
            }
        } catch (DuplicateKeyException sameName) {
            throw new DomainException("name", "lead.settings.error.duplicate", named);
        }
        events.publishEvent(AuditEvent.updated(list.auditType(), id, AuditSummary.of("audit.lead-list.renamed",
                entry.name(), named, AuditSummary.key(list.messageKey())), new Named(String.valueOf(entry.name())),
                new Named(named)));
        return entry(list, id);
    }

    /** Offers an entry for new leads again, or no longer; the leads that have it keep it. */
    @PreAuthorize(AdmissionsRoles.SETTINGS)
    @Transactional
    public LeadListEntry setActive(LeadList list, long id, long version, boolean active) {
        var entry = entry(list, id);
        if (entry.active() == active) {
            return entry;
        }
        if (!store.setActive(list, id, version, active, clock.instant(), currentUser.username())) {
            throw stale(list, id);
        }
        events.publishEvent(AuditEvent.of(AuditAction.UPDATE, list.auditType(), id, AuditSummary.of(active
                ? "audit.lead-list.reactivated" : "audit.lead-list.deactivated", label(entry),
                AuditSummary.key(list.messageKey()))));
        return entry(list, id);
    }

    /**
     * Moves an entry one place up or down the list (the order pickers offer them in). The first entry moved up, or
     * the last down, stays where it is.
     *
     * @return the list in its new order
     */
    @PreAuthorize(AdmissionsRoles.SETTINGS)
    @Transactional
    public List<LeadListEntry> move(LeadList list, long id, long version, boolean up) {
        var entries = new ArrayList<>(store.entries(list));
        int at = -1;
        for (int i = 0; i < entries.size(); i++) {
            if (entries.get(i).id() == id) {
                at = i;
            }
        }
        if (at < 0) {
            throw new NotFoundException();
        }
        int to = up ? at - 1 : at + 1;
        if (to < 0 || to >= entries.size()) {
            if (entries.get(at).version() != version) {
                throw stale(list, id);
            }
            return entries;
        }
        var moved = entries.get(at);
        var swapped = entries.set(to, moved);
        entries.set(at, swapped);
        if (!store.reorder(list, entries.stream().map(LeadListEntry::id).toList(), id, version, swapped.id(),
                clock.instant(), currentUser.username())) {
            throw stale(list, id);
        }
        events.publishEvent(AuditEvent.of(AuditAction.UPDATE, list.auditType(), id, AuditSummary.of(up
                ? "audit.lead-list.moved-up" : "audit.lead-list.moved-down", label(moved),
                AuditSummary.key(list.messageKey()))));
        return store.entries(list);
    }

    /** A page of the campaigns, the latest to start first: one statement. */
    @PreAuthorize(AdmissionsRoles.LEADS)
    public Slice<LeadCampaign> campaigns(Pageable page) {
        var rows = store.campaigns((int) page.getOffset(), page.getPageSize() + 1);
        boolean more = rows.size() > page.getPageSize();
        return new SliceImpl<>(more ? rows.subList(0, page.getPageSize()) : rows, page, more);
    }

    /** The campaigns running on a day, of a source when one is given, by name: what a new lead's picker offers. */
    @PreAuthorize(AdmissionsRoles.LEADS)
    public List<LeadCampaign> campaignChoices(LocalDate on, @Nullable Long sourceId) {
        return store.running(on, sourceId, MAX_CHOICES);
    }

    /** Campaigns by id, to label the leads that have them; an unknown id is left out. */
    @PreAuthorize(AdmissionsRoles.LEADS)
    public Map<Long, LeadCampaign> campaignsById(Collection<Long> ids) {
        return store.campaigns(ids).stream().collect(Collectors.toMap(LeadCampaign::id, Function.identity()));
    }

    /**
     * Enters a campaign.
     *
     * @throws DomainException on the field of a missing or taken name, an unknown or inactive source, a period that
     *                         ends before it starts, a cost below zero or with more than two decimals
     */
    @PreAuthorize(AdmissionsRoles.SETTINGS)
    @Transactional
    public LeadCampaign createCampaign(@Valid CampaignDraft draft) {
        var checked = checked(draft, 0, null);
        long id;
        try {
            id = store.insertCampaign(checked, clock.instant(), currentUser.username());
        } catch (DuplicateKeyException sameName) {
            throw new DomainException("name", "lead.campaign.error.duplicate", checked.name());
        }
        events.publishEvent(AuditEvent.created("LeadCampaign", id, AuditSummary.of("audit.lead-campaign.created",
                checked.name()), checked));
        return store.campaign(id).orElseThrow();
    }

    /** Changes a campaign: the same rules as entering one; its source may stay one deactivated since. */
    @PreAuthorize(AdmissionsRoles.SETTINGS)
    @Transactional
    public LeadCampaign updateCampaign(long id, long version, @Valid CampaignDraft draft) {
        var before = store.campaign(id).orElseThrow(NotFoundException::new);
        var checked = checked(draft, id, before.sourceId());
        try {
            if (!store.updateCampaign(id, version, checked, clock.instant(), currentUser.username())) {
                var change = store.campaignChange(id);
                throw new StaleEditException(change.by(), change.at());
            }
        } catch (DuplicateKeyException sameName) {
            throw new DomainException("name", "lead.campaign.error.duplicate", checked.name());
        }
        var after = store.campaign(id).orElseThrow();
        if (!before.toDraft().equals(after.toDraft())) {
            events.publishEvent(AuditEvent.updated("LeadCampaign", id, AuditSummary.of(
                    "audit.lead-campaign.changed", after.name()), before.toDraft(), after.toDraft()));
        }
        return after;
    }

    /** The draft as it is stored (name stripped, cost with two decimals), or the first rule it breaks. */
    private CampaignDraft checked(CampaignDraft draft, long id, @Nullable Long currentSource) {
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty()) {
            throw new DomainException("name", "lead.campaign.error.name-required");
        }
        if (store.campaignNameTaken(name, id)) {
            throw new DomainException("name", "lead.campaign.error.duplicate", name);
        }
        var source = store.entry(LeadList.SOURCES, draft.sourceId()).orElse(null);
        if (source == null || !source.active() && !Long.valueOf(source.id()).equals(currentSource)) {
            throw new DomainException("sourceId", "lead.campaign.error.source");
        }
        if (draft.startsOn() == null) {
            throw new DomainException("startsOn", "lead.campaign.error.starts-required");
        }
        if (draft.endsOn() == null) {
            throw new DomainException("endsOn", "lead.campaign.error.ends-required");
        }
        if (draft.endsOn().isBefore(draft.startsOn())) {
            throw new DomainException("endsOn", "lead.campaign.error.period");
        }
        var cost = draft.cost();
        if (cost == null || cost.signum() < 0 || cost.stripTrailingZeros().scale() > 2) {
            throw new DomainException("cost", "lead.campaign.error.cost");
        }
        if (cost.compareTo(MAX_COST) > 0) {
            throw new DomainException("cost", "lead.campaign.error.cost-too-large");
        }
        return new CampaignDraft(name, source.id(), draft.startsOn(), draft.endsOn(), cost.setScale(2));
    }

    private String entryName(LeadList list, @Nullable String name, long id) {
        String named = name == null ? "" : name.strip();
        if (!StringUtils.hasText(named)) {
            throw new DomainException("name", "lead.settings.error.name-required");
        }
        if (named.length() > NAME_LENGTH) {
            throw new DomainException("name", "lead.settings.error.name-length", NAME_LENGTH);
        }
        if (store.nameTaken(list, named, id)) {
            throw new DomainException("name", "lead.settings.error.duplicate", named);
        }
        return named;
    }

    private LeadListEntry entry(LeadList list, long id) {
        return store.entry(list, id).orElseThrow(NotFoundException::new);
    }

    /** An entry in an audit summary: a built-in one translated for each reader, a school's own as named. */
    private static Object label(LeadListEntry entry) {
        return entry.labelKey() != null ? AuditSummary.key(entry.labelKey()) : String.valueOf(entry.name());
    }

    private StaleEditException stale(LeadList list, long id) {
        var change = store.lastChange(list, id);
        return new StaleEditException(change.by(), change.at());
    }

    /** What a rename changes, for the audit log's details. */
    private record Named(String name) {
    }
}
