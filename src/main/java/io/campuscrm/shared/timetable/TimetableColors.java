package io.campuscrm.shared.timetable;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The block colours, chosen by a key so the same course (or teacher, or room) always gets the same one. The
 * stylesheet {@code styles/timetable.css} defines {@code .tt-color-0} … with the same colours, in this order.
 */
public final class TimetableColors {

    /**
     * Distinct at a glance, dark enough for a 4px stripe on white, and light enough as the block's 13% tint (18% under
     * the pointer) for Lumo's secondary text to keep a contrast of 4.5:1.
     */
    public static final List<String> PALETTE = List.of("#1a73e8", "#0b8043", "#8e24aa", "#e8710a", "#00897b",
            "#d81b60", "#6d4c41", "#3f51b5", "#c0ca33", "#546e7a");

    private TimetableColors() {
    }

    public static int index(@Nullable String colorKey) {
        return colorKey == null ? 0 : Math.floorMod(colorKey.hashCode(), PALETTE.size());
    }

    public static String hex(@Nullable String colorKey) {
        return PALETTE.get(index(colorKey));
    }
}
