package io.campuscrm.institution;

/** A campus (校区) of the institution. */
public record Campus(long id, String name, String address, String phone, boolean active, long version) {

    /** What the campus form edits. */
    public CampusDraft toDraft() {
        return new CampusDraft(name, address, phone, active);
    }
}
