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
import net.sf.jasperreports.engine.fonts.SimpleFontFace;
import net.sf.jasperreports.engine.fonts.SimpleFontFamily;

/**
 * The one font family every report template uses, {@value #FAMILY}. When Debian's {@code fonts-noto-cjk} (or the same
 * font collection elsewhere) is installed, it is Noto Sans CJK SC: one design for Latin, Greek, Cyrillic, Chinese
 * (simplified and traditional characters), Japanese and Korean, embedded as a subset in every PDF. Without it, it is
 * DejaVu Sans from {@code jasperreports-fonts}: Latin text looks right, Chinese characters print blank, and
 * {@link ReportFontCheck} warns at start-up.
 * <p>
 * A font collection ({@code .ttc}) holds several fonts: layout (Java2D) finds the Simplified Chinese one by its
 * family name, the PDF writer by {@code path.ttc,index}. The index is looked up, not assumed, since it differs
 * between builds of the collection.
 */
final class ReportFonts {

    static final String FAMILY = "Campus Sans";
    static final String CJK_FAMILY = "Noto Sans CJK SC";
    /** Debian and Ubuntu, Fedora, Arch. */
    static final List<Path> CJK_DIRECTORIES = List.of(Path.of("/usr/share/fonts/opentype/noto"),
            Path.of("/usr/share/fonts/google-noto-cjk"), Path.of("/usr/share/fonts/noto-cjk"));
    private static final String DEJAVU = "net/sf/jasperreports/fonts/dejavu/DejaVuSans";

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

    /** What {@value #FAMILY} is made of here. */
    public record Resolved(Optional<CjkFont> cjk, List<FontFamily> families) {

        public String description() {
            return cjk.map(c -> FAMILY + " = " + CJK_FAMILY + " from " + c.regularPdf())
                    .orElse(FAMILY + " = DejaVu Sans (no CJK glyphs)");
        }
    }

    private static final class Holder {
        static final Resolved INSTALLED = resolve(CJK_DIRECTORIES);
    }

    static Resolved resolve(List<Path> directories) {
        Optional<CjkFont> cjk = find(directories);
        return new Resolved(cjk, List.of(cjk.map(ReportFonts::cjkFamily).orElseGet(ReportFonts::latinFamily)));
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
        var family = family();
        family.setNormalFace(face(CJK_FAMILY, cjk.regularPdf()));
        family.setBoldFace(face(CJK_FAMILY, cjk.boldPdf()));
        return family;
    }

    private static FontFamily latinFamily() {
        var family = family();
        family.setNormal(DEJAVU + ".ttf");
        family.setBold(DEJAVU + "-Bold.ttf");
        family.setItalic(DEJAVU + "-Oblique.ttf");
        family.setBoldItalic(DEJAVU + "-BoldOblique.ttf");
        return family;
    }

    private static SimpleFontFamily family() {
        var family = new SimpleFontFamily(DefaultJasperReportsContext.getInstance());
        family.setName(FAMILY);
        family.setPdfEncoding("Identity-H");
        family.setPdfEmbedded(true);
        // Spreadsheets cannot embed fonts: name one that every office suite has, it falls back for CJK by itself.
        family.setExportFonts(Map.of(
                "net.sf.jasperreports.html", "'" + CJK_FAMILY + "', 'DejaVu Sans', Arial, sans-serif",
                "net.sf.jasperreports.xlsx", "Arial",
                "net.sf.jasperreports.xls", "Arial"));
        return family;
    }

    private static SimpleFontFace face(String awtFamily, String pdf) {
        var face = new SimpleFontFace(DefaultJasperReportsContext.getInstance());
        face.setTtf(awtFamily);
        face.setPdf(pdf);
        return face;
    }
}
