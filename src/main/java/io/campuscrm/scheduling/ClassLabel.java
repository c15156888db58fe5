package io.campuscrm.scheduling;

import java.util.List;

/** A class as other modules' lists and reports name it: code and name, its course, campus and teachers. */
public record ClassLabel(long id, String code, String name, long courseId, long campusId, List<Long> teacherIds) {

    public ClassLabel {
        teacherIds = List.copyOf(teacherIds);
    }

    /** "ENG-101 — English 1". */
    public String label() {
        return code + " — " + name;
    }
}
