package io.campuscrm.scheduling.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.hibernate.annotations.BatchSize;

import io.campuscrm.scheduling.AvailabilitySlot;
import io.campuscrm.scheduling.TeacherAvailability;
import io.campuscrm.shared.domain.AbstractEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

/** A teacher's row: the owner of their availability, and the row schedule changes lock. */
@Entity
@Table(name = "teacher")
public class TeacherEntity extends AbstractEntity {

    static final Comparator<AvailabilitySlot> ORDER = Comparator.comparing(AvailabilitySlot::weekday)
            .thenComparing(AvailabilitySlot::start);

    @Id
    @Column(name = "user_id")
    private Long userId;

    @ElementCollection
    @CollectionTable(name = "teacher_availability", joinColumns = @JoinColumn(name = "user_id"))
    @BatchSize(size = 100)
    private List<AvailabilityValue> availability = new ArrayList<>();

    protected TeacherEntity() {
    }

    public void replaceAvailability(List<AvailabilitySlot> slots) {
        availability.clear();
        slots.stream().sorted(ORDER).map(AvailabilityValue::new).forEach(availability::add);
    }

    public List<AvailabilitySlot> slots() {
        return availability.stream().map(AvailabilityValue::toSlot).sorted(ORDER).toList();
    }

    public TeacherAvailability toAvailability() {
        return new TeacherAvailability(userId, slots(), getVersion());
    }
}
