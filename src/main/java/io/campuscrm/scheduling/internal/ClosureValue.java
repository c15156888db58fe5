package io.campuscrm.scheduling.internal;

import java.time.LocalDate;

import io.campuscrm.scheduling.ClosureKind;
import io.campuscrm.scheduling.TermClosure;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A row of {@code term_closure}. */
@Embeddable
public class ClosureValue {

    @Column(nullable = false)
    private String name;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ClosureKind kind;
    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;
    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    protected ClosureValue() {
    }

    ClosureValue(TermClosure closure) {
        name = closure.name().strip();
        kind = closure.kind();
        startsOn = closure.from();
        endsOn = closure.to();
    }

    TermClosure toClosure() {
        return new TermClosure(name, kind, startsOn, endsOn);
    }
}
