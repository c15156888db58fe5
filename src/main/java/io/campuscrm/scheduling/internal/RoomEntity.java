package io.campuscrm.scheduling.internal;

import io.campuscrm.scheduling.Room;
import io.campuscrm.scheduling.RoomDraft;
import io.campuscrm.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "room")
public class RoomEntity extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "campus_id", nullable = false)
    private long campusId;
    @Column(nullable = false)
    private String name;
    private int capacity;
    private boolean active = true;

    protected RoomEntity() {
    }

    public RoomEntity(RoomDraft draft) {
        apply(draft);
    }

    public Long getId() {
        return id;
    }

    public long getCampusId() {
        return campusId;
    }

    public int getCapacity() {
        return capacity;
    }

    public String getName() {
        return name;
    }

    public boolean isActive() {
        return active;
    }

    public void apply(RoomDraft draft) {
        campusId = draft.campusId();
        name = draft.name().strip();
        capacity = draft.capacity();
        active = draft.active();
    }

    public RoomDraft toDraft() {
        return new RoomDraft(campusId, name, capacity, active);
    }

    public Room toRoom() {
        return new Room(id, campusId, name, capacity, active, getVersion());
    }
}
