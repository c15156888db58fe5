package io.campuscrm.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Every template uses Campus Sans, and every text field of a fixed height can hold one line of it. Noto Sans CJK's
 * lines are 1.45 times the font size high (DejaVu's 1.16): JasperReports prints nothing at all in a field too low
 * for its first line, so a title 20 points high in 14-point type would silently vanish.
 */
class ReportTemplateLayoutTest {

    private static final double LINE_HEIGHT = 1.45;

    @Test
    void every_template_prints_in_campus_sans_and_its_fixed_text_fields_fit_one_line() throws Exception {
        List<String> tooLow = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("reports"))) {
            for (Path template : files.filter(p -> p.toString().endsWith(".jrxml")).toList()) {
                var document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(template.toFile());
                Map<String, Double> styleSizes = new HashMap<>();
                double defaultSize = 10;
                NodeList styles = document.getElementsByTagName("style");
                for (int i = 0; i < styles.getLength(); i++) {
                    var style = (Element) styles.item(i);
                    if (style.getParentNode() != document.getDocumentElement()) {
                        continue;
                    }
                    if (style.hasAttribute("fontName")) {
                        assertThat(style.getAttribute("fontName")).as(template + " style " + style.getAttribute("name"))
                                .isEqualTo("Campus Sans");
                    }
                    if (style.hasAttribute("fontSize")) {
                        styleSizes.put(style.getAttribute("name"), Double.parseDouble(style.getAttribute("fontSize")));
                        if ("true".equals(style.getAttribute("default"))) {
                            defaultSize = Double.parseDouble(style.getAttribute("fontSize"));
                        }
                    }
                }
                NodeList elements = document.getElementsByTagName("element");
                for (int i = 0; i < elements.getLength(); i++) {
                    var element = (Element) elements.item(i);
                    String kind = element.getAttribute("kind");
                    if (!kind.equals("textField") && !kind.equals("staticText")
                            || "StretchHeight".equals(element.getAttribute("textAdjust"))) {
                        continue;
                    }
                    assertThat(element.hasAttribute("fontName")).as(template + " " + element.getAttribute("uuid")
                            + " names its own font").isFalse();
                    double size = element.hasAttribute("fontSize") ? Double.parseDouble(element.getAttribute("fontSize"))
                            : styleSizes.getOrDefault(element.getAttribute("style"), defaultSize);
                    double room = Double.parseDouble(element.getAttribute("height")) - verticalPadding(element);
                    if (room < size * LINE_HEIGHT) {
                        tooLow.add(template.getFileName() + " " + element.getAttribute("uuid") + ": " + room
                                + " pt for " + size + " pt type");
                    }
                }
            }
        }
        assertThat(tooLow).as("fixed-height text fields lower than one line of Campus Sans").isEmpty();
    }

    private static double verticalPadding(Element element) {
        NodeList boxes = element.getElementsByTagName("box");
        if (boxes.getLength() == 0) {
            return 0;
        }
        var box = (Element) boxes.item(0);
        double padding = number(box, "padding");
        return (box.hasAttribute("topPadding") ? number(box, "topPadding") : padding)
                + (box.hasAttribute("bottomPadding") ? number(box, "bottomPadding") : padding);
    }

    private static double number(Element element, String attribute) {
        return element.hasAttribute(attribute) ? Double.parseDouble(element.getAttribute(attribute)) : 0;
    }
}
