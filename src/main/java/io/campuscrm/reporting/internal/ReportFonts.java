package io.campuscrm.reporting.internal;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import net.sf.jasperreports.engine.DefaultJasperReportsContext;
import net.sf.jasperreports.engine.fonts.FontFamily;
import net.sf.jasperreports.engine.fonts.FontSet;
import net.sf.jasperreports.engine.fonts.SimpleFontFace;
import net.sf.jasperreports.engine.fonts.SimpleFontFamily;
import net.sf.jasperreports.engine.fonts.SimpleFontSet;
import net.sf.jasperreports.engine.fonts.SimpleFontSetFamily;

/**
 * The font every report template uses, {@value #FAMILY}: a JasperReports font set that prints Latin, Greek and
 * Cyrillic text in DejaVu Sans (from {@code jasperreports-fonts}, as before) and Chinese (simplified and traditional
 * characters), Japanese and Korean in Noto Sans CJK SC from the operating system (Debian's {@code fonts-noto-cjk}),
 * both embedded as subsets in every PDF. Noto Sans CJK alone would cover Latin too, but its Simplified Chinese
 * variant sets curly quotes, apostrophes and the middle dot a full em wide ("O’ Brien"), so Latin text keeps DejaVu.
 * Without the CJK fonts the set is DejaVu Sans alone: Latin text looks the same, Chinese characters print blank, and
 * {@link ReportFontCheck} warns at start-up.
 * <p>
 * A font collection ({@code .ttc}) holds several fonts: layout (Java2D) finds the Simplified Chinese one by its
 * family name, the PDF writer by {@code path.ttc,index}. The index is looked up, not assumed, since it differs
 * between builds of the collection. Splitting text by script needs ICU4J.
 */
final class ReportFonts {

    static final String FAMILY = "Campus Sans";
    static final String LATIN_FAMILY = "DejaVu Sans";
    static final String CJK_FAMILY = "Noto Sans CJK SC";
    /** Unicode scripts (ICU names) printed with the CJK font; everything else, digits and punctuation too, in DejaVu. */
    static final List<String> CJK_SCRIPTS = List.of("Han", "Hiragana", "Katakana", "Hangul", "Bopomofo");
    /** Debian and Ubuntu, Fedora, Arch. */
    static final List<Path> CJK_DIRECTORIES = List.of(Path.of("/usr/share/fonts/opentype/noto"),
            Path.of("/usr/share/fonts/google-noto-cjk"), Path.of("/usr/share/fonts/noto-cjk"));
    private static final Logger log = LoggerFactory.getLogger(ReportFonts.class);

    static {
        // OpenPDF memory-maps font files unless told otherwise, and unmaps them through sun.misc.Unsafe, which JDK 25
        // warns about on the console. Plain reads of the (subsetted) font cost nothing noticeable.
        com.lowagie.text.Document.plainRandomAccess = true;
    }

    private ReportFonts() {
    }

    /** Where the CJK glyphs come from: a font collection and the index of Noto Sans CJK SC in it, per weight. */
    public record CjkFont(Path regular, int regularIndex, Path bold, int boldIndex) {

        String regularPdf() {
            return regular + "," + regularIndex;
        }

        String boldPdf() {
            return bold + "," + boldIndex;
        }
    }

    /** The fonts reports use in this JVM, found once. */
    static Resolved installed() {
        return Holder.INSTALLED;
    }

    /** What {@value #FAMILY} is made of here: the CJK family (when found) and the font set. */
    public record Resolved(Optional<CjkFont> cjk, List<FontFamily> families, List<FontSet> fontSets) {

        public String description() {
            return cjk.map(c -> FAMILY + " = " + LATIN_FAMILY + " + " + CJK_FAMILY + " from " + c.regularPdf())
                    .orElse(FAMILY + " = " + LATIN_FAMILY + " (no CJK glyphs)");
        }
    }

    private static final class Holder {
        static final Resolved INSTALLED = resolve(CJK_DIRECTORIES);
    }

    static Resolved resolve(List<Path> directories) {
        Optional<CjkFont> cjk = find(directories);
        List<FontFamily> families = cjk.map(ReportFonts::cjkFamily).<List<FontFamily>>map(List::of).orElse(List.of());
        return new Resolved(cjk, families, List.of(fontSet(cjk.isPresent())));
    }

    static Optional<CjkFont> find(List<Path> directories) {
        for (Path directory : directories) {
            Path regular = directory.resolve("NotoSansCJK-Regular.ttc");
            if (!Files.isReadable(regular)) {
                continue;
            }
            try {
                int regularIndex = indexOf(regular);
                Path bold = directory.resolve("NotoSansCJK-Bold.ttc");
                // Without the bold collection, bold text is printed in the regular weight rather than blank.
                if (Files.isReadable(bold)) {
                    return Optional.of(new CjkFont(regular, regularIndex, bold, indexOf(bold)));
                }
                return Optional.of(new CjkFont(regular, regularIndex, regular, regularIndex));
            } catch (IOException | FontFormatException | RuntimeException e) {
                log.warn("{} cannot be used for reports: {}", regular, e.toString());
            }
        }
        return Optional.empty();
    }

    /**
     * Finds the Simplified Chinese font in the collection and makes it known to Java2D under its family name, which
     * fontconfig does already for the standard directories but not for others.
     */
    private static int indexOf(Path collection) throws IOException, FontFormatException {
        Font[] fonts = Font.createFonts(collection.toFile());
        for (int i = 0; i < fonts.length; i++) {
            if (CJK_FAMILY.equals(fonts[i].getFamily(Locale.ROOT))) {
                GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(fonts[i]);
                return i;
            }
        }
        throw new FontFormatException(collection + " has no " + CJK_FAMILY);
    }

    private static FontFamily cjkFamily(CjkFont cjk) {
        var family = new SimpleFontFamily(DefaultJasperReportsContext.getInstance());
        family.setName(CJK_FAMILY);
        family.setPdfEncoding("Identity-H");
        family.setPdfEmbedded(true);
        family.setNormalFace(face(CJK_FAMILY, cjk.regularPdf()));
        family.setBoldFace(face(CJK_FAMILY, cjk.boldPdf()));
        return family;
    }

    private static FontSet fontSet(boolean withCjk) {
        var set = new SimpleFontSet();
        set.setName(FAMILY);
        var latin = new SimpleFontSetFamily();
        latin.setFamilyName(LATIN_FAMILY);
        latin.setPrimary(true);
        set.addFamily(latin);
        if (withCjk) {
            var cjk = new SimpleFontSetFamily();
            cjk.setFamilyName(CJK_FAMILY);
            CJK_SCRIPTS.forEach(cjk::addIncludedScript);
            set.addFamily(cjk);
        }
        // Spreadsheets cannot embed fonts: name one every office suite has; it falls back for CJK by itself.
        set.setExportFonts(Map.of(
                "net.sf.jasperreports.html", "'DejaVu Sans', '" + CJK_FAMILY + "', Arial, sans-serif",
                "net.sf.jasperreports.xlsx", "Arial",
                "net.sf.jasperreports.xls", "Arial"));
        return set;
    }

    private static SimpleFontFace face(String awtFamily, String pdf) {
        var face = new SimpleFontFace(DefaultJasperReportsContext.getInstance());
        face.setTtf(awtFamily);
        face.setPdf(pdf);
        return face;
    }
}
