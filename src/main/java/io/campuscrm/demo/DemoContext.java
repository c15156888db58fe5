package io.campuscrm.demo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.campuscrm.institution.Campus;

/** What earlier steps made that later steps build on (campuses, students; courses and teachers later). */
public final class DemoContext {

    private final List<Campus> campuses = new ArrayList<>();
    private final List<Long> studentIds = new ArrayList<>();
    private final Map<Long, List<Long>> studentIdsByCampus = new HashMap<>();

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
}
