package io.campuscrm.scheduling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.campuscrm.scheduling.internal.TermEntity;
import io.campuscrm.scheduling.internal.TermRepository;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;

import jakarta.validation.Valid;

/**
 * Terms and their holidays and closures. Changing closures does not move existing sessions: regenerating a class's
 * schedule applies them to its future sessions.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class TermService {

    private final TermRepository terms;
    private final ApplicationEventPublisher events;

    TermService(TermRepository terms, ApplicationEventPublisher events) {
        this.terms = terms;
        this.events = events;
    }

    /** Terms, latest first (the page's sort, when given, wins). */
    @PreAuthorize("hasAnyRole('ADMIN', 'ADMISSIONS', 'TEACHER', 'FINANCE')")
    public Slice<Term> find(Pageable page) {
        var sorted = page.getSort().isSorted() ? page
                : PageRequest.of(page.getPageNumber(), page.getPageSize(), Sort.by(Sort.Order.desc("startsOn")));
        return terms.findAllBy(sorted).map(TermEntity::toTerm);
    }

    /** How many terms have holidays or closures: one count, for the set-up checklist. */
    @PreAuthorize("hasRole('ADMIN')")
    public long countWithClosures() {
        return terms.countWithClosures();
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'ADMISSIONS', 'TEACHER', 'FINANCE')")
    public Term get(long id) {
        return load(id).toTerm();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Term create(@Valid TermDraft draft) {
        validate(draft, null);
        var saved = terms.saveAndFlush(new TermEntity(draft)).toTerm();
        events.publishEvent(AuditEvent.created("Term", saved.id(), AuditSummary.of("audit.term.created", saved.name()),
                draft));
        return saved;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Term update(long id, long version, @Valid TermDraft draft) {
        var entity = load(id);
        entity.checkVersion(version);
        validate(draft, id);
        var before = entity.toDraft();
        entity.apply(draft);
        var saved = terms.saveAndFlush(entity).toTerm();
        events.publishEvent(AuditEvent.updated("Term", id, AuditSummary.of("audit.term.changed", saved.name()), before,
                entity.toDraft()));
        return saved;
    }

    private void validate(TermDraft draft, Long exceptId) {
        terms.findByNameIgnoreCase(draft.name().strip()).filter(t -> !t.getId().equals(exceptId)).ifPresent(t -> {
            throw new DomainException("name", "term.error.duplicate-name", draft.name().strip());
        });
        if (draft.endsOn().isBefore(draft.startsOn())) {
            throw new DomainException("endsOn", "term.error.ends-before-start");
        }
        List<TermClosure> sorted = new ArrayList<>(draft.closures());
        sorted.sort(Comparator.comparing(TermClosure::from));
        for (TermClosure closure : sorted) {
            if (closure.to().isBefore(closure.from())) {
                throw new DomainException("closures", "term.error.closure-dates", closure.name());
            }
            if (closure.from().isBefore(draft.startsOn()) || closure.to().isAfter(draft.endsOn())) {
                throw new DomainException("closures", "term.error.closure-outside", closure.name());
            }
        }
    }

    private TermEntity load(long id) {
        return terms.findById(id).orElseThrow(() -> new NotFoundException());
    }
}
