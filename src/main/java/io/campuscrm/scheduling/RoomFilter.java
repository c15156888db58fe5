package io.campuscrm.scheduling;

import org.jspecify.annotations.Nullable;

/** Filters of the room list; null means any. */
public record RoomFilter(@Nullable Long campusId, @Nullable String text, @Nullable Boolean active) {

    public static RoomFilter all() {
        return new RoomFilter(null, null, null);
    }
}
