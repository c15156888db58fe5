package io.campuscrm.reporting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperFillManager;
import net.sf.jasperreports.engine.SimpleJasperReportsContext;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;
import net.sf.jasperreports.engine.fonts.FontFamily;
import net.sf.jasperreports.engine.fonts.FontSet;
import net.sf.jasperreports.engine.fonts.SimpleFontExtensionHelper;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.pdf.JRPdfExporter;

/** Campus Sans without the CJK fonts installed: DejaVu Sans alone, a warning, and reports that still print. */
class ReportFontsTest {

    private static final String TEMPLATE = """
            <jasperReport name="font-sample" language="java" pageWidth="400" pageHeight="200" columnWidth="360"
                    leftMargin="20" rightMargin="20" topMargin="20" bottomMargin="20">
                <style name="Base" default="true" fontName="Campus Sans" fontSize="10"/>
                <field name="name" class="java.lang.String"/>
                <detail>
                    <band height="16">
                        <element kind="textField" x="0" y="0" width="360" height="16">
                            <expression><![CDATA[$F{name}]]></expression>
                        </element>
                    </band>
                </detail>
            </jasperReport>
            """;

    @Test
    void without_noto_cjk_campus_sans_is_dejavu_sans_and_latin_text_still_prints_embedded(@TempDir Path noFonts)
            throws Exception {
        var fonts = ReportFonts.resolve(List.of(noFonts, noFonts.resolve("missing")));

        assertThat(fonts.cjk()).isEmpty();
        assertThat(fonts.families()).isEmpty();
        assertThat(fonts.fontSets()).singleElement().satisfies(set -> {
            assertThat(set.getName()).isEqualTo("Campus Sans");
            assertThat(set.getFamilies()).extracting(f -> f.getFamilyName()).containsExactly("DejaVu Sans");
        });
        assertThat(fonts.description()).contains("DejaVu Sans", "no CJK");
        var pdf = render(fonts.fontSets(), "Zoë O’Brien, Ça va — 陈伟明");

        try (var document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document)).contains("Zoë O’Brien, Ça va");
            List<PDFont> used = new ArrayList<>();
            for (PDPage page : document.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    used.add(page.getResources().getFont(name));
                }
            }
            // Java2D may still find an installed CJK font for the Chinese name on this machine: only Latin is checked
            assertThat(used).isNotEmpty().allSatisfy(f -> assertThat(f.isEmbedded()).as(f.getName()).isTrue());
            assertThat(used).extracting(PDFont::getName).anyMatch(n -> n.contains("DejaVuSans"));
        }
    }

    private static byte[] render(List<FontSet> fontSets, String name) throws Exception {
        var context = new SimpleJasperReportsContext();
        // only jasperreports-fonts' DejaVu families, as on a machine without the CJK fonts
        context.setExtensions(FontFamily.class, SimpleFontExtensionHelper.getInstance().loadFontFamilies(context,
                "net/sf/jasperreports/fonts/dejavu/jasperreports-fonts.xml"));
        context.setExtensions(FontSet.class, fontSets);
        var report = JasperCompileManager.getInstance(context)
                .compile(new ByteArrayInputStream(TEMPLATE.getBytes(StandardCharsets.UTF_8)));
        List<Map<String, ?>> rows = List.of(Map.of("name", name));
        var print = JasperFillManager.getInstance(context).fill(report, new HashMap<>(),
                new JRMapCollectionDataSource(rows));
        var out = new ByteArrayOutputStream();
        var exporter = new JRPdfExporter(context);
        exporter.setExporterInput(new SimpleExporterInput(print));
        exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
        exporter.exportReport();
        return out.toByteArray();
    }
}
