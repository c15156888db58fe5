package io.campuscrm.scheduling;

/** A room at a campus, with the most students it holds. */
public record Room(long id, long campusId, String name, int capacity, boolean active, long version) {

    /** What the room form edits. */
    public RoomDraft toDraft() {
        return new RoomDraft(campusId, name, capacity, active);
    }
}
