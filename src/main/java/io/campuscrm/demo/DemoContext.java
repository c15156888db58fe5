package io.campuscrm.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.campuscrm.institution.Campus;
import io.campuscrm.scheduling.ClassDetails;
import io.campuscrm.scheduling.Course;
import io.campuscrm.scheduling.Room;
import io.campuscrm.scheduling.Term;

/**
 * What earlier steps made that later steps build on: campuses, students; courses, the current term, rooms, classes;
 * the past terms' classes at benchmark scale.
 */
public final class DemoContext {

    private final List<Campus> campuses = new ArrayList<>();
    private final List<Long> studentIds = new ArrayList<>();
    private final Map<Long, List<Long>> studentIdsByCampus = new HashMap<>();
    private final List<Course> courses = new ArrayList<>();
    private final List<Room> rooms = new ArrayList<>();
    private final List<ClassDetails> classes = new ArrayList<>();
    private final List<Long> teacherIds = new ArrayList<>();
    private final List<PastTerm> pastTerms = new ArrayList<>();
    private @Nullable Term currentTerm;
    private @Nullable DemoCalendar calendar;
    private Runnable checkpoint = () -> {
    };

    public List<Campus> campuses() {
        return campuses;
    }

    /** Every demo student's id, in creation order. */
    public List<Long> studentIds() {
        return studentIds;
    }

    /** The demo students' ids per home campus id. */
    public Map<Long, List<Long>> studentIdsByCampus() {
        return studentIdsByCampus;
    }

    public void addStudent(long studentId, long campusId) {
        studentIds.add(studentId);
        studentIdsByCampus.computeIfAbsent(campusId, k -> new ArrayList<>()).add(studentId);
    }

    public List<Course> courses() {
        return courses;
    }

    public List<Room> rooms() {
        return rooms;
    }

    /** The classes of the current term, with their generated sessions. */
    public List<ClassDetails> classes() {
        return classes;
    }

    /** A term before the current one and the ids of its classes (bulk-loaded, benchmark scale only). */
    public record PastTerm(Term term, List<Long> classIds) {
    }

    /** The past terms, the oldest first; none in the demo. */
    public List<PastTerm> pastTerms() {
        return pastTerms;
    }

    /** The user ids of the teachers who teach the demo classes. */
    public List<Long> teacherIds() {
        return teacherIds;
    }

    /**
     * Writes what is pending and forgets the entities loaded so far, inside the generation's one transaction. Steps
     * that make thousands of records through the services call it every few hundred: otherwise every query's
     * automatic flush re-checks all entities loaded since the start, and generation slows quadratically (the
     * benchmark's 10,000 enrollments took minutes).
     */
    public void checkpoint() {
        checkpoint.run();
    }

    void checkpoint(Runnable action) {
        checkpoint = action;
    }

    /** The school year around today; set by the scheduling step. */
    public DemoCalendar calendar() {
        if (calendar == null) {
            throw new IllegalStateException("The scheduling step places the calendar before later steps use it");
        }
        return calendar;
    }

    void calendar(DemoCalendar calendar) {
        this.calendar = calendar;
    }

    public @Nullable Term currentTerm() {
        return currentTerm;
    }

    public void currentTerm(Term term) {
        currentTerm = term;
    }
}
