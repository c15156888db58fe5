package io.campuscrm.scheduling.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.hibernate.annotations.BatchSize;

import io.campuscrm.scheduling.Term;
import io.campuscrm.scheduling.TermClosure;
import io.campuscrm.scheduling.TermDraft;
import io.campuscrm.shared.domain.AbstractEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

@Entity
@Table(name = "term")
public class TermEntity extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String name;
    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;
    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    @ElementCollection
    @CollectionTable(name = "term_closure", joinColumns = @JoinColumn(name = "term_id"))
    @BatchSize(size = 50)
    private List<ClosureValue> closures = new ArrayList<>();

    protected TermEntity() {
    }

    public TermEntity(TermDraft draft) {
        apply(draft);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public void apply(TermDraft draft) {
        name = draft.name().strip();
        startsOn = draft.startsOn();
        endsOn = draft.endsOn();
        closures.clear();
        draft.closures().stream().sorted(Comparator.comparing(TermClosure::from)).map(ClosureValue::new)
                .forEach(closures::add);
    }

    public TermDraft toDraft() {
        return new TermDraft(name, startsOn, endsOn, closureList());
    }

    public Term toTerm() {
        return new Term(id, name, startsOn, endsOn, closureList(), getVersion());
    }

    private List<TermClosure> closureList() {
        return closures.stream().map(ClosureValue::toClosure).sorted(Comparator.comparing(TermClosure::from))
                .toList();
    }
}
