package io.campuscrm.scheduling;

/** A room at a campus, with the most students it holds. */
public record Room(long id, long campusId, String name, int capacity, boolean active, long version) {
}
