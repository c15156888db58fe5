package io.campuscrm.scheduling;

import java.util.List;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.internal.RoomEntity;
import io.campuscrm.scheduling.internal.RoomRepository;
import io.campuscrm.scheduling.internal.SchedulingAccess;
import io.campuscrm.scheduling.internal.SchoolClassRepository;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;

import jakarta.validation.Valid;

/** Rooms per campus. Campus-limited users see and change only their campuses' rooms. */
@Service
@Validated
@Transactional(readOnly = true)
public class RoomService {

    private final RoomRepository rooms;
    private final SchoolClassRepository classes;
    private final InstitutionService institution;
    private final SchedulingAccess access;
    private final ApplicationEventPublisher events;

    RoomService(RoomRepository rooms, SchoolClassRepository classes, InstitutionService institution,
            SchedulingAccess access, ApplicationEventPublisher events) {
        this.rooms = rooms;
        this.classes = classes;
        this.institution = institution;
        this.access = access;
        this.events = events;
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'ADMISSIONS', 'TEACHER', 'FINANCE')")
    public Slice<Room> find(RoomFilter filter, Pageable page) {
        var scope = access.scope();
        return rooms.search(filter.campusId(), scope.allCampuses(), scope.campusIdsOrNone(),
                CourseService.pattern(filter.text()), filter.active(), page).map(RoomEntity::toRoom);
    }

    /** The active rooms of a campus, by name: a campus has a few dozen at most. */
    @PreAuthorize("hasAnyRole('ADMIN', 'ADMISSIONS', 'TEACHER', 'FINANCE')")
    public List<Room> activeRooms(long campusId) {
        access.requireReadableCampus(campusId);
        return rooms.findByCampusIdAndActiveTrueOrderByName(campusId).stream().map(RoomEntity::toRoom).toList();
    }

    @PreAuthorize("hasAnyRole('ADMIN', 'ADMISSIONS', 'TEACHER', 'FINANCE')")
    public Room get(long id) {
        var room = load(id);
        access.requireReadableCampus(room.getCampusId());
        return room.toRoom();
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Room create(@Valid RoomDraft draft) {
        validate(draft, null);
        var saved = rooms.saveAndFlush(new RoomEntity(draft)).toRoom();
        events.publishEvent(AuditEvent.created("Room", saved.id(), AuditSummary.of("audit.room.created", saved.name()),
                draft));
        return saved;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public Room update(long id, long version, @Valid RoomDraft draft) {
        var entity = load(id);
        access.requireCampus(entity.getCampusId());
        entity.checkVersion(version);
        validate(draft, id);
        if (draft.campusId() != entity.getCampusId()) {
            throw new DomainException("campusId", "room.error.campus-fixed");
        }
        if (classes.existsByRoomIdAndCapacityGreaterThan(id, draft.capacity())) {
            throw new DomainException("capacity", "room.error.smaller-than-class", draft.capacity());
        }
        var before = entity.toDraft();
        entity.apply(draft);
        var saved = rooms.saveAndFlush(entity).toRoom();
        events.publishEvent(AuditEvent.updated("Room", id, AuditSummary.of("audit.room.changed", saved.name()), before,
                entity.toDraft()));
        return saved;
    }

    private void validate(RoomDraft draft, Long exceptId) {
        access.requireCampus(draft.campusId());
        if (!institution.campusesById(List.of(draft.campusId())).containsKey(draft.campusId())) {
            throw new NotFoundException("campusId");
        }
        rooms.findByCampusIdAndNameIgnoreCase(draft.campusId(), draft.name().strip())
                .filter(r -> !r.getId().equals(exceptId)).ifPresent(r -> {
                    throw new DomainException("name", "room.error.duplicate-name", draft.name().strip());
                });
    }

    private RoomEntity load(long id) {
        return rooms.findById(id).orElseThrow(() -> new NotFoundException());
    }
}
