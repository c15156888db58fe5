package io.campuscrm.demo;

import java.util.ArrayList;
import java.util.List;

import io.campuscrm.institution.Campus;

/** What earlier steps made that later steps build on (campuses now; courses, teachers, students later). */
public final class DemoContext {

    private final List<Campus> campuses = new ArrayList<>();

    public List<Campus> campuses() {
        return campuses;
    }
}
