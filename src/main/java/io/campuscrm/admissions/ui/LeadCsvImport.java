package io.campuscrm.admissions.ui;

import java.io.InputStream;
import java.util.List;
import java.util.function.IntConsumer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.icon.VaadinIcon;

import io.campuscrm.admissions.LeadImportService;
import io.campuscrm.shared.imports.ImportPreview;
import io.campuscrm.shared.ui.CsvImport;
import io.campuscrm.shared.ui.CsvImportDialog;

/**
 * The lead import as the shared import dialog shows it: files of up to 10 MB (20,000 leads with their messages), and
 * the toolbar button of the lead list that opens it.
 */
class LeadCsvImport implements CsvImport {

    static final int MAX_BYTES = 10 * 1024 * 1024;

    private final LeadImportService imports;

    LeadCsvImport(LeadImportService imports) {
        this.imports = imports;
    }

    /** The lead list's "Import" button: opens the dialog, and runs {@code imported} after an import. */
    static Button button(LeadImportService imports, Runnable imported) {
        var button = new Button();
        button.setText(button.getTranslation("lead.import.open"));
        button.setIcon(VaadinIcon.UPLOAD_ALT.create());
        button.addClickListener(e -> new CsvImportDialog(new LeadCsvImport(imports), imported).open());
        button.setId("leads-import");
        return button;
    }

    @Override
    public String titleKey() {
        return "lead.import.title";
    }

    @Override
    public String helpKey() {
        return "lead.import.help";
    }

    @Override
    public List<Column> columns() {
        return imports.columns().stream().map(c -> new Column(c, "lead.import.column." + c.replace('_', '-')))
                .toList();
    }

    @Override
    public String exampleCsv() {
        return imports.exampleCsv();
    }

    @Override
    public String exampleFileName() {
        return "leads-example.csv";
    }

    @Override
    public int maxBytes() {
        return MAX_BYTES;
    }

    @Override
    public String rejectedKey() {
        return "lead.import.rejected";
    }

    @Override
    public List<PreviewColumn> previewColumns() {
        return List.of(new PreviewColumn("child_name", "lead.child"), new PreviewColumn("guardian_name",
                "lead.guardian"), new PreviewColumn("phone", "lead.phone"), new PreviewColumn("email", "lead.email"),
                new PreviewColumn("campus", "lead.campus"), new PreviewColumn("source", "lead.source"),
                new PreviewColumn("inquiry_date", "lead.import.inquiry-date"));
    }

    @Override
    public ImportPreview preview(InputStream csv) {
        return imports.preview(csv);
    }

    @Override
    public Done importAll(ImportPreview preview, IntConsumer progress) {
        var result = imports.importLeads(preview, progress);
        return Done.of("lead.import.done", result.leads(), result.inPool(), result.linked());
    }
}
