package io.campuscrm.institution;

/** A campus (校区) of the institution. */
public record Campus(long id, String name, String address, String phone, boolean active, long version) {
}
