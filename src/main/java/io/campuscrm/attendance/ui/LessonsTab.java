package io.campuscrm.attendance.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

import io.campuscrm.attendance.AttendanceService;
import io.campuscrm.attendance.AttendanceStatus;
import io.campuscrm.attendance.AttendanceSummary;
import io.campuscrm.attendance.LessonPackage;
import io.campuscrm.attendance.LessonPackageService;
import io.campuscrm.institution.InstitutionSettings;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.shared.i18n.Money;
import io.campuscrm.shared.ui.Badge;

/** A student's packages with what is left, and their attendance per class over the last 90 days. */
class LessonsTab extends VerticalLayout {

    static final int SUMMARY_DAYS = 90;

    private final LessonPackageService packages;
    private final long studentId;
    private final Grid<LessonPackage> grid = new Grid<>();

    LessonsTab(LessonPackageService packages, AttendanceService attendance, CourseService courses,
            InstitutionSettings settings, boolean mayGrant, boolean office, Clock clock, long studentId,
            com.vaadin.flow.component.Component leavesPanel) {
        this.packages = packages;
        this.studentId = studentId;
        setPadding(false);
        var locale = getLocale();
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        var numbers = NumberFormat.getInstance(locale);
        grid.addColumn(LessonPackage::courseName).setHeader(getTranslation("package.course")).setWidth("12rem")
                .setFlexGrow(1);
        grid.addColumn(p -> numbers.format(p.remaining()) + " / " + numbers.format(p.quantity()) + " "
                + getTranslation(p.unit().messageKey())).setHeader(getTranslation("package.remaining"))
                .setAutoWidth(true);
        grid.addColumn(p -> Money.format(p.remainingValue(), settings.currency(), locale))
                .setHeader(getTranslation("package.remaining-value")).setAutoWidth(true);
        grid.addColumn(p -> Money.format(p.purchaseValue(), settings.currency(), locale))
                .setHeader(getTranslation("package.purchase-value")).setAutoWidth(true);
        grid.addColumn(p -> dates.format(p.expiresOn())).setHeader(getTranslation("package.expires-on"))
                .setAutoWidth(true);
        grid.addComponentColumn(p -> new Badge(getTranslation(p.state().messageKey())
                + (p.forfeitedValue().signum() > 0 ? " · " + getTranslation("package.forfeited", Money.format(
                        p.forfeitedValue(), settings.currency(), locale)) : ""), switch (p.state()) {
                            case ACTIVE -> Badge.Tone.SUCCESS;
                            case EXPIRED -> Badge.Tone.ERROR;
                            default -> Badge.Tone.CONTRAST;
                        })).setHeader(getTranslation("package.state")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation(p.source().messageKey())).setHeader(getTranslation("package.source"))
                .setAutoWidth(true);
        if (office) {
            var today = LocalDate.now(clock.withZone(settings.timeZone()));
            grid.addComponentColumn(p -> {
                var row = new com.vaadin.flow.component.orderedlayout.HorizontalLayout();
                if (p.state() == LessonPackage.State.EXPIRED || p.state() == LessonPackage.State.USED_UP) {
                    return row;
                }
                var freeze = new Button(getTranslation("package.freeze"), e -> new PackageChangeDialog(packages, p,
                        true, today, this::refresh).open());
                var extend = new Button(getTranslation("package.extend"), e -> new PackageChangeDialog(packages, p,
                        false, today, this::refresh).open());
                freeze.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL);
                extend.addThemeVariants(com.vaadin.flow.component.button.ButtonVariant.LUMO_SMALL);
                row.add(freeze, extend);
                return row;
            }).setHeader(getTranslation("package.actions")).setAutoWidth(true);
        }
        grid.setAllRowsVisible(true);
        grid.setId("student-packages");
        add(new H4(getTranslation("package.title")));
        if (mayGrant) {
            var grant = new Button(getTranslation("package.grant"), e -> new GrantPackageDialog(packages, courses,
                    studentId, clock, settings, this::refresh).open());
            grant.setId("grant-package");
            add(grant);
        }
        add(grid);
        refresh();
        add(leavesPanel);
        var today = LocalDate.now(clock.withZone(settings.timeZone()));
        var summary = attendance.summary(studentId, today.minusDays(SUMMARY_DAYS), today);
        add(new H4(getTranslation("attendance.summary.title", SUMMARY_DAYS)));
        if (summary.classes().isEmpty()) {
            add(new Paragraph(getTranslation("attendance.summary.none")));
            return;
        }
        var perClass = new Grid<AttendanceSummary.PerClass>();
        perClass.addColumn(AttendanceSummary.PerClass::label).setHeader(getTranslation("class.name"))
                .setWidth("18rem").setFlexGrow(1);
        for (var status : AttendanceStatus.values()) {
            perClass.addColumn(c -> numbers.format(c.counts().getOrDefault(status, 0)))
                    .setHeader(getTranslation(status.messageKey())).setAutoWidth(true);
        }
        perClass.addColumn(c -> rate(c.rate())).setHeader(getTranslation("attendance.summary.rate"))
                .setAutoWidth(true);
        perClass.setItems(summary.classes());
        perClass.setAllRowsVisible(true);
        perClass.setId("student-attendance-summary");
        add(perClass);
    }

    private String rate(BigDecimal rate) {
        if (rate == null) {
            return "";
        }
        var percent = NumberFormat.getPercentInstance(getLocale());
        percent.setMaximumFractionDigits(1);
        return percent.format(rate.movePointLeft(2));
    }

    private void refresh() {
        var list = packages.ofStudent(studentId);
        grid.setItems(list);
        grid.setVisible(!list.isEmpty());
    }
}
