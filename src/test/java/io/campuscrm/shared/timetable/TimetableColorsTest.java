package io.campuscrm.shared.timetable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;

class TimetableColorsTest {

    @Test
    void a_key_keeps_its_colour_across_releases_and_no_key_gets_the_first() {
        // String.hashCode is specified: these stay what users have learnt, unless the palette changes on purpose
        assertThat(TimetableColors.index("math-p5")).isEqualTo(8);
        assertThat(TimetableColors.index("science")).isEqualTo(6);
        assertThat(TimetableColors.hex("science")).isEqualTo("#6d4c41");
        assertThat(TimetableColors.hex(null)).isEqualTo(TimetableColors.PALETTE.getFirst());
        assertThat(TimetableColors.index("a-key-whose-hash-is-negative-" + Integer.MIN_VALUE)).isNotNegative();
    }

    @Test
    void the_palette_has_distinct_colours_and_many_keys_use_all_of_them() {
        assertThat(TimetableColors.PALETTE).doesNotHaveDuplicates()
                .allSatisfy(c -> assertThat(c).matches("#[0-9a-f]{6}"));
        var used = java.util.stream.IntStream.range(0, 200).mapToObj(i -> TimetableColors.hex("course-" + i))
                .collect(java.util.stream.Collectors.toSet());
        assertThat(used).containsExactlyInAnyOrderElementsOf(TimetableColors.PALETTE);
    }

    @Test
    void the_stylesheet_defines_the_palette_in_the_same_order() throws IOException {
        String css = Files.readString(Path.of("src/main/resources/META-INF/resources/styles/timetable.css"));
        for (int i = 0; i < TimetableColors.PALETTE.size(); i++) {
            assertThat(css).contains(".tt-color-" + i + " { --tt-color: " + TimetableColors.PALETTE.get(i) + "; }");
        }
    }

    @Test
    void a_block_must_end_after_it_starts() {
        var nine = LocalDateTime.of(2026, 11, 16, 9, 0);
        assertThatThrownBy(() -> new TimetableBlock("x", "X", null, nine, nine, null, false))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
