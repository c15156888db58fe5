package io.campuscrm.scheduling.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;

import io.campuscrm.scheduling.AvailabilitySlot;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A row of {@code teacher_availability}; the weekday is ISO (Monday 1 … Sunday 7). */
@Embeddable
public class AvailabilityValue {

    @Column(nullable = false)
    private int weekday;
    @Column(name = "start_time", nullable = false)
    private LocalTime startTime;
    @Column(name = "end_time", nullable = false)
    private LocalTime endTime;

    protected AvailabilityValue() {
    }

    AvailabilityValue(AvailabilitySlot slot) {
        weekday = slot.weekday().getValue();
        startTime = slot.start();
        endTime = slot.end();
    }

    AvailabilitySlot toSlot() {
        return new AvailabilitySlot(DayOfWeek.of(weekday), startTime, endTime);
    }
}
