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
    void the_same_key_always_gets_the_same_colour_and_no_key_the_first() {
        assertThat(TimetableColors.index("math-p5")).isEqualTo(TimetableColors.index("math-p5"))
                .isBetween(0, TimetableColors.PALETTE.size() - 1);
        assertThat(TimetableColors.hex(null)).isEqualTo(TimetableColors.PALETTE.getFirst());
        assertThat(TimetableColors.index("a-key-whose-hash-is-negative-" + Integer.MIN_VALUE)).isNotNegative();
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
