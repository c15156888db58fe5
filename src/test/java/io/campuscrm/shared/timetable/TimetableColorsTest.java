package io.campuscrm.shared.timetable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * Block colours: the same course keeps its colour (on screen, on paper, after a restart), neighbouring courses get
 * different ones, all colours are used alike, and the text on a tinted block stays readable (WCAG 1.4.3).
 */
class TimetableColorsTest {

    private static final Path STYLESHEET = Path.of("src/main/resources/META-INF/resources/styles/timetable.css");
    /** The block's background: the colour mixed into Lumo's base colour (white) at rest and under the pointer. */
    private static final Pattern TINT = Pattern.compile(
            "color-mix\\(in srgb, var\\(--tt-color\\) (\\d+)%, var\\(--lumo-base-color\\)\\)");
    private static final double SMALL_TEXT_CONTRAST = 4.5;

    @Test
    void a_key_keeps_its_colour_across_calls_string_instances_and_restarts() {
        String key = "course-" + 7;

        assertThat(TimetableColors.index(new String(key))).isEqualTo(TimetableColors.index("course-7"));
        // String.hashCode is specified by the JLS, so these hold in every JVM: a restart or an upgrade does not
        // repaint the timetables people know
        assertThat(IntStream.rangeClosed(1, 6).mapToObj(id -> TimetableColors.index("course-" + id)))
                .containsExactly(3, 4, 5, 6, 7, 8);
        assertThat(TimetableColors.hex("course-1")).isEqualTo(TimetableColors.PALETTE.get(3));
        assertThat(TimetableColors.hex(null)).isEqualTo(TimetableColors.PALETTE.getFirst());
    }

    @Test
    void courses_with_neighbouring_ids_get_different_colours_and_all_colours_are_used_alike() {
        assertThat(Set.copyOf(TimetableColors.PALETTE)).as("distinct palette").hasSize(TimetableColors.PALETTE.size());
        List<String> tenCourses = IntStream.rangeClosed(10, 19).mapToObj(id -> "course-" + id).toList();
        assertThat(tenCourses.stream().map(TimetableColors::hex).distinct()).hasSize(10);

        int[] uses = new int[TimetableColors.PALETTE.size()];
        IntStream.rangeClosed(1, 1000).forEach(id -> uses[TimetableColors.index("course-" + id)]++);
        assertThat(IntStream.of(uses).boxed()).as("uses of each colour by 1,000 courses")
                .allSatisfy(n -> assertThat(n).isBetween(80, 120));
    }

    @Test
    void a_key_with_a_negative_hash_still_gets_a_palette_colour() {
        String key = "a-key-whose-hash-is-negative-" + Integer.MIN_VALUE;
        assertThat(key.hashCode()).isNegative();

        assertThat(TimetableColors.index(key)).isBetween(0, TimetableColors.PALETTE.size() - 1);
    }

    /**
     * Time and subtitle are small text in Lumo's secondary colour, the title in its body colour; both must keep 4.5:1
     * on every colour's tint, at rest and under the pointer. Tints from our stylesheet, text colours from Lumo's own
     * (light theme), so a change on either side is checked again.
     */
    @Test
    void text_on_every_tinted_block_has_a_contrast_of_at_least_4_5_to_1() throws IOException {
        List<Integer> tints = TINT.matcher(Files.readString(STYLESHEET)).results()
                .map(m -> Integer.parseInt(m.group(1))).toList();
        assertThat(tints).as("tints in " + STYLESHEET).hasSizeGreaterThanOrEqualTo(2);
        String lumo = lumoStylesheet();
        assertThat(lumo).contains("--lumo-base-color:light-dark(#fff,",
                "--lumo-body-text-color:var(--lumo-contrast-90pct)",
                "--lumo-secondary-text-color:var(--lumo-contrast-70pct)",
                "--lumo-contrast-70pct:light-dark(var(--lumo-shade-70pct)",
                "--lumo-contrast-90pct:light-dark(var(--lumo-shade-90pct)");
        double[] secondary = lumoShade(lumo, "70pct");
        double[] body = lumoShade(lumo, "90pct");
        double[] white = {255, 255, 255};

        Set<String> unreadable = new HashSet<>();
        for (String colour : TimetableColors.PALETTE) {
            for (int tint : tints) {
                double[] background = mix(rgb(colour), white, tint / 100.0);
                for (double[] text : List.of(secondary, body)) {
                    double ratio = contrast(over(text, background), background);
                    if (ratio < SMALL_TEXT_CONTRAST) {
                        unreadable.add(colour + " at " + tint + "%: " + String.format("%.2f", ratio));
                    }
                }
            }
        }
        assertThat(unreadable).isEmpty();
    }

    @Test
    void the_stylesheet_defines_the_palette_in_the_same_order() throws IOException {
        String css = Files.readString(STYLESHEET);
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

    private static String lumoStylesheet() throws IOException {
        try (InputStream in = TimetableColorsTest.class.getClassLoader()
                .getResourceAsStream("META-INF/resources/lumo/lumo.css")) {
            assertThat(in).as("Lumo's stylesheet on the classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Lumo's light-theme shade, e.g. {@code --lumo-shade-70pct:light-dark(rgba(27,43,65,.69),…)}: r, g, b, alpha. */
    private static double[] lumoShade(String lumo, String level) {
        var m = Pattern.compile("--lumo-shade-" + level + ":light-dark\\(rgba\\((\\d+),(\\d+),(\\d+),([.\\d]+)\\)")
                .matcher(lumo);
        assertThat(m.find()).as("--lumo-shade-" + level + " in Lumo's stylesheet").isTrue();
        return new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))};
    }

    private static double[] rgb(String hex) {
        int value = Integer.parseInt(hex.substring(1), 16);
        return new double[] {value >> 16 & 0xff, value >> 8 & 0xff, value & 0xff};
    }

    /** CSS {@code color-mix(in srgb, a p, b)}: per channel, in gamma-encoded sRGB. */
    private static double[] mix(double[] a, double[] b, double p) {
        return new double[] {a[0] * p + b[0] * (1 - p), a[1] * p + b[1] * (1 - p), a[2] * p + b[2] * (1 - p)};
    }

    /** A translucent text colour (r, g, b, alpha) as it shows on an opaque background. */
    private static double[] over(double[] rgba, double[] background) {
        return mix(rgba, background, rgba[3]);
    }

    /** WCAG 2.1's contrast ratio of two opaque sRGB colours. */
    private static double contrast(double[] a, double[] b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(double[] rgb) {
        return 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
    }

    private static double linear(double channel) {
        double c = channel / 255;
        return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    }
}
