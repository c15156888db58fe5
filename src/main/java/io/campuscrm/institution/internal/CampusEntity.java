package io.campuscrm.institution.internal;

import io.campuscrm.institution.Campus;
import io.campuscrm.institution.CampusDraft;
import io.campuscrm.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "campus")
public class CampusEntity extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String name;
    @Column(nullable = false)
    private String address = "";
    @Column(nullable = false)
    private String phone = "";
    private boolean active = true;

    protected CampusEntity() {
    }

    public CampusEntity(CampusDraft draft) {
        apply(draft);
    }

    public Long getId() {
        return id;
    }

    public void apply(CampusDraft draft) {
        name = draft.name().strip();
        address = draft.address() == null ? "" : draft.address().strip();
        phone = draft.phone() == null ? "" : draft.phone().strip();
        active = draft.active();
    }

    public CampusDraft toDraft() {
        return new CampusDraft(name, address, phone, active);
    }

    public Campus toCampus() {
        return new Campus(id, name, address, phone, active, getVersion());
    }
}
