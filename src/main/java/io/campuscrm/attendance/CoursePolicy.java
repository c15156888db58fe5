package io.campuscrm.attendance;

/**
 * Which statuses consume a lesson of a course: the course's own policy ({@code own}) or the institution's settings.
 */
public record CoursePolicy(long courseId, boolean own, boolean present, boolean late, boolean absent,
        boolean excused, boolean leftEarly) {

    public boolean consumes(AttendanceStatus status) {
        return switch (status) {
            case PRESENT -> present;
            case LATE -> late;
            case ABSENT -> absent;
            case EXCUSED -> excused;
            case LEFT_EARLY -> leftEarly;
        };
    }
}
