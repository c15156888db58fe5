package io.campuscrm.scheduling.internal;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.hibernate.annotations.BatchSize;
import org.jspecify.annotations.Nullable;

import io.campuscrm.scheduling.ClassDetails;
import io.campuscrm.scheduling.ClassDraft;
import io.campuscrm.scheduling.ClassStatus;
import io.campuscrm.scheduling.Recurrence;
import io.campuscrm.shared.domain.AbstractEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

@Entity
@Table(name = "school_class")
public class SchoolClassEntity extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false)
    private String code;
    @Column(nullable = false)
    private String name;
    @Column(name = "course_id", nullable = false)
    private long courseId;
    @Column(name = "term_id", nullable = false)
    private long termId;
    @Column(name = "campus_id", nullable = false)
    private long campusId;
    @Column(name = "room_id", nullable = false)
    private long roomId;
    private int capacity;
    @Column(name = "waiting_list_enabled")
    private boolean waitingListEnabled;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ClassStatus status;
    /** Two-letter RFC 5545 weekday codes, comma-separated ("TU,TH"). */
    @Column(name = "rec_weekdays")
    private @Nullable String recWeekdays;
    @Column(name = "rec_start_time")
    private @Nullable LocalTime recStartTime;
    @Column(name = "rec_end_time")
    private @Nullable LocalTime recEndTime;
    @Column(name = "rec_from")
    private @Nullable LocalDate recFrom;
    @Column(name = "rec_to")
    private @Nullable LocalDate recTo;
    private @Nullable String rrule;

    @ElementCollection
    @CollectionTable(name = "class_teacher", joinColumns = @JoinColumn(name = "class_id"))
    @Column(name = "user_id")
    @BatchSize(size = 100)
    private Set<Long> teacherIds = new HashSet<>();

    protected SchoolClassEntity() {
    }

    public SchoolClassEntity(ClassDraft draft) {
        apply(draft);
    }

    public Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public long getCourseId() {
        return courseId;
    }

    public long getCampusId() {
        return campusId;
    }

    public long getRoomId() {
        return roomId;
    }

    public long getTermId() {
        return termId;
    }

    public int getCapacity() {
        return capacity;
    }

    public ClassStatus getStatus() {
        return status;
    }

    public Set<Long> getTeacherIds() {
        return Set.copyOf(teacherIds);
    }

    public void apply(ClassDraft draft) {
        code = draft.code().strip();
        name = draft.name().strip();
        courseId = draft.courseId();
        termId = draft.termId();
        campusId = draft.campusId();
        roomId = draft.roomId();
        capacity = draft.capacity();
        waitingListEnabled = draft.waitingListEnabled();
        status = draft.status();
        teacherIds.clear();
        teacherIds.addAll(draft.teacherIds());
        Recurrence r = draft.recurrence();
        recWeekdays = r == null ? null : EnumSet.copyOf(r.weekdays()).stream().map(d -> d.name().substring(0, 2))
                .collect(Collectors.joining(","));
        recStartTime = r == null ? null : r.startTime();
        recEndTime = r == null ? null : r.endTime();
        recFrom = r == null ? null : r.from();
        recTo = r == null ? null : r.to();
        rrule = r == null ? null : r.toRrule();
    }

    public @Nullable Recurrence recurrence() {
        if (recWeekdays == null || recStartTime == null || recEndTime == null || recFrom == null || recTo == null) {
            return null;
        }
        Set<DayOfWeek> days = Arrays.stream(recWeekdays.split(",")).map(SchoolClassEntity::weekday)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
        return new Recurrence(days, recStartTime, recEndTime, recFrom, recTo);
    }

    public ClassDraft toDraft() {
        return new ClassDraft(code, name, courseId, termId, campusId, roomId, capacity, waitingListEnabled, status,
                getTeacherIds(), recurrence());
    }

    public ClassDetails toDetails() {
        return new ClassDetails(id, code, name, courseId, termId, campusId, roomId, capacity, waitingListEnabled,
                status, getTeacherIds(), recurrence(), rrule, getVersion());
    }

    private static DayOfWeek weekday(String code) {
        return Arrays.stream(DayOfWeek.values()).filter(d -> d.name().startsWith(code)).findFirst().orElseThrow();
    }
}
