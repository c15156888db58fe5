package io.campuscrm.scheduling.internal;

import java.time.LocalDate;

import org.jspecify.annotations.Nullable;

import io.campuscrm.scheduling.EnrollmentStatus;
import io.campuscrm.shared.domain.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "class_enrollment")
public class ClassEnrollmentEntity extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "class_id", nullable = false)
    private long classId;
    @Column(name = "student_id", nullable = false)
    private long studentId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EnrollmentStatus status;
    @Column(name = "enrolled_on")
    private @Nullable LocalDate enrolledOn;
    @Column(name = "waiting_position")
    private @Nullable Integer waitingPosition;
    @Column(name = "withdrawn_on")
    private @Nullable LocalDate withdrawnOn;
    @Column(name = "transferred_to")
    private @Nullable Long transferredTo;
    @Column(name = "transferred_from")
    private @Nullable Long transferredFrom;
    private @Nullable String reason;

    protected ClassEnrollmentEntity() {
    }

    public static ClassEnrollmentEntity enrolled(long classId, long studentId, LocalDate on) {
        var e = new ClassEnrollmentEntity();
        e.classId = classId;
        e.studentId = studentId;
        e.status = EnrollmentStatus.ENROLLED;
        e.enrolledOn = on;
        return e;
    }

    public static ClassEnrollmentEntity waiting(long classId, long studentId, int position) {
        var e = new ClassEnrollmentEntity();
        e.classId = classId;
        e.studentId = studentId;
        e.status = EnrollmentStatus.WAITING;
        e.waitingPosition = position;
        return e;
    }

    public void promote(LocalDate on) {
        status = EnrollmentStatus.ENROLLED;
        enrolledOn = on;
        waitingPosition = null;
    }

    public void withdraw(LocalDate on, @Nullable String why) {
        status = EnrollmentStatus.WITHDRAWN;
        withdrawnOn = on;
        waitingPosition = null;
        reason = why;
    }

    /** Ends this enrollment by a transfer from {@code on}; {@link #transferredTo} names where it continues. */
    public void transfer(LocalDate on, @Nullable String why) {
        status = EnrollmentStatus.TRANSFERRED;
        withdrawnOn = on;
        reason = why;
    }

    public void transferredTo(long enrollmentId) {
        transferredTo = enrollmentId;
    }

    public void transferredFrom(long enrollmentId) {
        transferredFrom = enrollmentId;
    }

    public Long getId() {
        return id;
    }

    public long getClassId() {
        return classId;
    }

    public long getStudentId() {
        return studentId;
    }

    public EnrollmentStatus getStatus() {
        return status;
    }

    public @Nullable LocalDate getEnrolledOn() {
        return enrolledOn;
    }

    public @Nullable Integer getWaitingPosition() {
        return waitingPosition;
    }

    public @Nullable LocalDate getWithdrawnOn() {
        return withdrawnOn;
    }

    public @Nullable Long getTransferredTo() {
        return transferredTo;
    }

    public @Nullable Long getTransferredFrom() {
        return transferredFrom;
    }

    public @Nullable String getReason() {
        return reason;
    }
}
