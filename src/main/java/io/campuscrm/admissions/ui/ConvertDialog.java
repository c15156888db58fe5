package io.campuscrm.admissions.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;

import io.campuscrm.admissions.Conversion;
import io.campuscrm.admissions.ConversionDraft;
import io.campuscrm.admissions.Lead;
import io.campuscrm.admissions.LeadConversionService;
import io.campuscrm.admissions.LeadMatch;
import io.campuscrm.attendance.PackageUnit;
import io.campuscrm.scheduling.ClassFilter;
import io.campuscrm.scheduling.ClassSearch;
import io.campuscrm.scheduling.ClassStatus;
import io.campuscrm.scheduling.ClassSummary;
import io.campuscrm.scheduling.Course;
import io.campuscrm.scheduling.CourseFilter;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.students.FamilyService;
import io.campuscrm.students.GuardianRelationship;
import io.campuscrm.students.PossibleDuplicatesException;
import io.campuscrm.shared.ui.DatePickers;
import io.campuscrm.shared.ui.ServiceErrors;

/**
 * Converting a lead (decision 0079): the student's name, the family they join (the lead's linked family, one the
 * duplicate check found, or a new one with the lead's guardian), and then a class of the lead's campus to enroll
 * them in (the waiting list when it is full), a lesson package for the finance office to sell, or neither. One
 * action; a refusal says what and where, and changes nothing.
 */
class ConvertDialog extends Dialog {

    /** How many of the campus's classes the picker offers: a school's current classes of a course, not its past. */
    private static final int CLASSES = 100;

    /** A family to join, or a new one (id null). */
    record FamilyChoice(@Nullable Long id, String label) {
    }

    enum Next {
        CLASS, PACKAGE, NOTHING
    }

    private final LeadConversionService conversions;
    private final Lead lead;
    private final Consumer<Conversion> converted;
    private final TextField name = new TextField();
    private final TextField chineseName = new TextField();
    private final DatePicker birthDate;
    private final Select<FamilyChoice> family = new Select<>();
    private final Select<GuardianRelationship> relationship = new Select<>();
    private final RadioButtonGroup<Next> next = new RadioButtonGroup<>();
    private final Select<ClassSummary> schoolClass = new Select<>();
    private final DatePicker enrollOn;
    private final Select<Course> packageCourse = new Select<>();
    private final Select<PackageUnit> packageUnit = new Select<>();
    private final BigDecimalField packageQuantity = new BigDecimalField();
    private final Paragraph duplicates = new Paragraph();
    private final Button anyway;

    ConvertDialog(LeadConversionService conversions, ClassSearch classes, CourseService courses,
            FamilyService families, List<LeadMatch> matches, Lead lead, LocalDate today,
            Consumer<Conversion> converted) {
        this.conversions = conversions;
        this.lead = lead;
        this.converted = converted;
        setHeaderTitle(getTranslation("lead.convert.title", lead.childName()));
        setId("convert-dialog");
        setWidth("40rem");

        name.setLabel(getTranslation("lead.convert.name"));
        name.setValue(lead.childName());
        name.setRequired(true);
        name.setId("convert-name");
        chineseName.setLabel(getTranslation("lead.convert.chinese-name"));
        chineseName.setId("convert-chinese-name");
        birthDate = DatePickers.localized(new DatePicker(getTranslation("lead.convert.birth-date")));
        birthDate.setMax(today);
        birthDate.setId("convert-birth-date");

        family.setLabel(getTranslation("lead.convert.family"));
        family.setItems(familyChoices(families, matches));
        family.setItemLabelGenerator(FamilyChoice::label);
        family.setValue(family.getListDataView().getItems().filter(f -> f.id() != null).findFirst()
                .orElseGet(() -> family.getListDataView().getItem(0)));
        family.setId("convert-family");
        relationship.setLabel(getTranslation("lead.convert.relationship"));
        relationship.setItems(GuardianRelationship.values());
        relationship.setItemLabelGenerator(r -> getTranslation(r.messageKey()));
        relationship.setValue(GuardianRelationship.MOTHER);
        relationship.setId("convert-relationship");
        relationship.setVisible(family.getValue().id() == null);
        family.addValueChangeListener(e -> relationship.setVisible(e.getValue() != null && e.getValue().id() == null));

        next.setLabel(getTranslation("lead.convert.next"));
        next.setItems(Next.values());
        next.setItemLabelGenerator(n -> getTranslation("lead.convert.next." + n.name().toLowerCase(
                java.util.Locale.ROOT)));
        next.setValue(Next.CLASS);
        next.setId("convert-next");

        var offered = classes.find(new ClassFilter(null, lead.campusId(), null, lead.courseId(), null, null),
                PageRequest.of(0, CLASSES)).stream().filter(c -> c.status() != ClassStatus.FINISHED
                        && c.status() != ClassStatus.CANCELLED).toList();
        schoolClass.setLabel(getTranslation("lead.convert.class"));
        schoolClass.setItems(offered);
        schoolClass.setItemLabelGenerator(c -> getTranslation("lead.convert.class-label", c.code(), c.name(),
                c.courseName()));
        schoolClass.setEmptySelectionAllowed(false);
        schoolClass.setId("convert-class");
        enrollOn = DatePickers.localized(new DatePicker(getTranslation("lead.convert.enroll-on")));
        enrollOn.setValue(today);
        enrollOn.setId("convert-enroll-on");

        var courseList = courses.find(new CourseFilter(null, true), PageRequest.of(0, 200)).getContent();
        packageCourse.setLabel(getTranslation("lead.convert.package-course"));
        packageCourse.setItems(courseList);
        packageCourse.setItemLabelGenerator(c -> c.code() + " · " + c.name());
        courseList.stream().filter(c -> lead.courseId() != null && c.id() == lead.courseId()).findFirst()
                .ifPresent(packageCourse::setValue);
        packageCourse.setId("convert-package-course");
        packageUnit.setLabel(getTranslation("lead.convert.package-unit"));
        packageUnit.setItems(PackageUnit.values());
        packageUnit.setItemLabelGenerator(u -> getTranslation(u.messageKey()));
        packageUnit.setValue(PackageUnit.LESSONS);
        packageUnit.setId("convert-package-unit");
        packageQuantity.setLabel(getTranslation("lead.convert.package-quantity"));
        packageQuantity.setValue(new BigDecimal("20"));
        packageQuantity.setId("convert-package-quantity");
        next.addValueChangeListener(e -> showNext());
        showNext();

        duplicates.setId("convert-duplicates");
        duplicates.setVisible(false);
        duplicates.getStyle().set("color", "var(--lumo-error-text-color)");
        var form = new FormLayout(name, chineseName, birthDate, family, relationship, next, schoolClass, enrollOn,
                packageCourse, packageUnit, packageQuantity);
        form.setColspan(next, 2);
        add(new Paragraph(getTranslation("lead.convert.intro")), form, duplicates);

        var convert = ServiceErrors.primary(getTranslation("lead.convert.confirm"));
        convert.setId("convert-confirm");
        convert.addClickListener(e -> submit(false));
        anyway = new Button(getTranslation("lead.convert.anyway"), e -> submit(true));
        anyway.setId("convert-anyway");
        anyway.setVisible(false);
        var cancel = new Button(getTranslation("lead.convert.cancel"), e -> close());
        getFooter().add(cancel, anyway, convert);
    }

    private void showNext() {
        boolean toClass = next.getValue() == Next.CLASS;
        boolean toPackage = next.getValue() == Next.PACKAGE;
        schoolClass.setVisible(toClass);
        enrollOn.setVisible(toClass);
        packageCourse.setVisible(toPackage);
        packageUnit.setVisible(toPackage);
        packageQuantity.setVisible(toPackage);
    }

    private List<FamilyChoice> familyChoices(FamilyService families, List<LeadMatch> matches) {
        Set<Long> known = new LinkedHashSet<>();
        if (lead.familyId() != null) {
            known.add(lead.familyId());
        }
        for (var m : matches) {
            if (m.familyId() != null) {
                known.add(m.familyId());
            }
        }
        List<FamilyChoice> choices = new ArrayList<>();
        if (!known.isEmpty()) {
            var summaries = families.summaries(known);
            for (long id : known) {
                var s = summaries.get(id);
                if (s != null) {
                    choices.add(new FamilyChoice(id, getTranslation("lead.convert.family-known", s.displayName(),
                            s.familyNumber())));
                }
            }
        }
        choices.add(new FamilyChoice(null, lead.guardianName() == null ? getTranslation("lead.convert.family-new")
                : getTranslation("lead.convert.family-new-with", lead.guardianName())));
        return choices;
    }

    private void submit(boolean createAnyway) {
        var chosen = next.getValue();
        var draft = new ConversionDraft(name.getValue(), chineseName.getValue(), birthDate.getValue(), null, null,
                family.getValue() == null ? null : family.getValue().id(), relationship.getValue() == null
                        ? GuardianRelationship.GUARDIAN : relationship.getValue(),
                chosen == Next.CLASS && schoolClass.getValue() != null ? schoolClass.getValue().id() : null,
                chosen == Next.CLASS ? enrollOn.getValue() : null,
                chosen == Next.PACKAGE && packageCourse.getValue() != null ? packageCourse.getValue().id() : null,
                chosen == Next.PACKAGE ? packageUnit.getValue() : null,
                chosen == Next.PACKAGE ? packageQuantity.getValue() : null, createAnyway);
        if (chosen == Next.CLASS && schoolClass.getValue() == null) {
            schoolClass.setErrorMessage(getTranslation("lead.convert.error.class-required"));
            schoolClass.setInvalid(true);
            return;
        }
        try {
            var done = conversions.convert(lead.id(), lead.version(), draft);
            close();
            converted.accept(done);
        } catch (PossibleDuplicatesException found) {
            duplicates.setText(getTranslation("lead.convert.duplicates", found.matches().size(), String.join(", ",
                    found.matches().stream().map(m -> m.name()).distinct().toList())));
            duplicates.setVisible(true);
            anyway.setVisible(true);
            offerFamilies(found);
        } catch (RuntimeException error) {
            if (!ServiceErrors.show(this, error, this::field, this::close)) {
                throw error;
            }
        }
    }

    /** The families of the people found join the choices, the first of them chosen: the usual answer is "that one". */
    private void offerFamilies(PossibleDuplicatesException found) {
        List<FamilyChoice> choices = new ArrayList<>(family.getListDataView().getItems().toList());
        FamilyChoice first = null;
        for (var match : found.matches()) {
            var known = choices.stream().filter(c -> c.id() != null && c.id() == match.familyId()).findFirst();
            var choice = known.orElseGet(() -> new FamilyChoice(match.familyId(), getTranslation(
                    "lead.convert.family-known", match.familyName(), match.name())));
            if (known.isEmpty()) {
                choices.add(choices.size() - 1, choice);
            }
            if (first == null) {
                first = choice;
            }
        }
        family.setItems(choices);
        if (first != null) {
            family.setValue(first);
        }
    }

    private @Nullable HasValidation field(String name) {
        return switch (name) {
            case "fullName" -> this.name;
            case "classId", "studentId" -> schoolClass;
            case "packageCourseId" -> packageCourse;
            case "packageQuantity" -> packageQuantity;
            case "familyId" -> family;
            default -> null;
        };
    }
}
