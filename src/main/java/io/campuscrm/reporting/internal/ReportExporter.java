package io.campuscrm.reporting.internal;

import java.io.OutputStream;

import org.springframework.stereotype.Component;

import io.campuscrm.reporting.ReportFormat;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperPrint;
import net.sf.jasperreports.engine.export.JRExportProgressMonitor;
import net.sf.jasperreports.engine.export.ooxml.JRXlsxExporter;
import net.sf.jasperreports.export.SimpleExporterInput;
import net.sf.jasperreports.export.SimpleOutputStreamExporterOutput;
import net.sf.jasperreports.export.SimpleXlsxReportConfiguration;
import net.sf.jasperreports.pdf.JRPdfExporter;
import net.sf.jasperreports.pdf.SimplePdfExporterConfiguration;
import net.sf.jasperreports.pdf.SimplePdfReportConfiguration;

/** Writes a filled report as PDF (fonts embedded by the font extension) or XLSX (one sheet, typed cells). */
@Component
public class ReportExporter {

    /** @param afterPage told after each page is written */
    public void export(JasperPrint print, ReportFormat format, OutputStream out, JRExportProgressMonitor afterPage)
            throws JRException {
        switch (format) {
            case PDF -> {
                var exporter = new JRPdfExporter();
                exporter.setExporterInput(new SimpleExporterInput(print));
                exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
                var config = new SimplePdfExporterConfiguration();
                config.setMetadataTitle(print.getName());
                config.setMetadataCreator("Campus CRM");
                exporter.setConfiguration(config);
                var pages = new SimplePdfReportConfiguration();
                pages.setProgressMonitor(afterPage);
                exporter.setConfiguration(pages);
                exporter.exportReport();
            }
            case XLSX -> {
                var exporter = new JRXlsxExporter();
                exporter.setExporterInput(new SimpleExporterInput(print));
                exporter.setExporterOutput(new SimpleOutputStreamExporterOutput(out));
                var config = new SimpleXlsxReportConfiguration();
                config.setOnePagePerSheet(false);
                config.setDetectCellType(true);
                config.setRemoveEmptySpaceBetweenRows(true);
                config.setWhitePageBackground(false);
                config.setProgressMonitor(afterPage);
                exporter.setConfiguration(config);
                exporter.exportReport();
            }
        }
    }
}
