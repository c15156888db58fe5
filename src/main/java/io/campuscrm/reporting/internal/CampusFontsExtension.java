package io.campuscrm.reporting.internal;

import java.util.List;

import net.sf.jasperreports.engine.JRPropertiesMap;
import net.sf.jasperreports.engine.fonts.FontFamily;
import net.sf.jasperreports.engine.fonts.FontSet;
import net.sf.jasperreports.extensions.ExtensionsRegistry;
import net.sf.jasperreports.extensions.ExtensionsRegistryFactory;

/**
 * Registers the font set {@code Campus Sans} and its CJK family with JasperReports (named in
 * {@code jasperreports_extension.properties}). Not a static font XML: what they are made of depends on what
 * {@link ReportFonts} found on this machine.
 */
public class CampusFontsExtension implements ExtensionsRegistryFactory {

    @Override
    public ExtensionsRegistry createRegistry(String registryId, JRPropertiesMap properties) {
        var fonts = ReportFonts.installed();
        return new ExtensionsRegistry() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> List<T> getExtensions(Class<T> extensionType) {
                if (extensionType == FontFamily.class) {
                    return (List<T>) fonts.families();
                }
                return extensionType == FontSet.class ? (List<T>) fonts.fontSets() : List.of();
            }
        };
    }
}
