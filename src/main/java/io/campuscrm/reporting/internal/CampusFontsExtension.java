package io.campuscrm.reporting.internal;

import java.util.List;

import net.sf.jasperreports.engine.JRPropertiesMap;
import net.sf.jasperreports.engine.fonts.FontFamily;
import net.sf.jasperreports.extensions.ExtensionsRegistry;
import net.sf.jasperreports.extensions.ExtensionsRegistryFactory;

/**
 * Registers {@link ReportFonts#FAMILY} with JasperReports (named in {@code jasperreports_extension.properties}).
 * Not a static font XML: the family is made of whatever {@link ReportFonts} found on this machine.
 */
public class CampusFontsExtension implements ExtensionsRegistryFactory {

    @Override
    public ExtensionsRegistry createRegistry(String registryId, JRPropertiesMap properties) {
        List<FontFamily> families = ReportFonts.installed().families();
        return new ExtensionsRegistry() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> List<T> getExtensions(Class<T> extensionType) {
                return extensionType == FontFamily.class ? (List<T>) families : List.of();
            }
        };
    }
}
