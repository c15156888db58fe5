package io.campuscrm.attendance.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;

import io.campuscrm.attendance.PackageUnit;
import io.campuscrm.shared.i18n.Money;
import io.campuscrm.students.StudentRef;

/** How the alert lists write their values in the screen's locale, and link to a student's file. */
final class AlertFormat {

    /** The student file's address (the students module's StudentNavigation.file, which its ui package keeps). */
    private static final String STUDENT_FILE = "students/";

    private final Component owner;
    private final DateTimeFormatter dates;
    private final NumberFormat money;
    private final NumberFormat percent;

    AlertFormat(Component owner, Currency currency) {
        this.owner = owner;
        var locale = UI.getCurrent().getLocale();
        this.dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        this.money = Money.formatter(currency, locale);
        this.percent = NumberFormat.getPercentInstance(locale);
        percent.setMaximumFractionDigits(1);
    }

    String date(@Nullable LocalDate date) {
        return date == null ? "" : dates.format(date);
    }

    String money(BigDecimal amount) {
        return money.format(amount);
    }

    /** A rate in per cent (62.5) as the locale writes it: 62.5%. */
    String rate(BigDecimal perCent) {
        return percent.format(perCent.movePointLeft(2));
    }

    /** "3 lessons", "1.5 hours", "3 课时". */
    String quantity(BigDecimal quantity, PackageUnit unit) {
        return owner.getTranslation(unit == PackageUnit.HOURS ? "attendance.alerts.hours-left"
                : "attendance.alerts.lessons-left", quantity);
    }

    /** The student's name, linking to their file. */
    static Anchor student(StudentRef student) {
        var link = new Anchor(STUDENT_FILE + student.id(), student.displayName());
        // Vaadin's router follows the link without reloading the page
        link.getElement().setAttribute("router-link", true);
        return link;
    }
}
