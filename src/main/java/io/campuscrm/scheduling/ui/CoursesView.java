package io.campuscrm.scheduling.ui;

import java.math.BigDecimal;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.Course;
import io.campuscrm.scheduling.CourseDraft;
import io.campuscrm.scheduling.CourseFilter;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.shared.i18n.Money;
import io.campuscrm.shared.ui.LocalizedTitle;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.RecordForms;
import io.campuscrm.shared.ui.ServiceErrors;

import jakarta.annotation.security.RolesAllowed;

/** The course catalogue: a lazy, searchable list and a dialog to create or change a course. */
@Route("admin/courses")
@Menu(title = "nav.courses", order = 60, icon = "vaadin:book")
@RolesAllowed("ADMIN")
class CoursesView extends VerticalLayout implements LocalizedTitle {

    private final CourseService courses;
    private final Grid<Course> grid = new Grid<>();
    private final TextField search = new TextField();
    private final ComboBox<Boolean> status = new ComboBox<>();

    CoursesView(CourseService courses, InstitutionService institution) {
        this.courses = courses;
        addClassName("list-view");
        setSizeFull();
        search.setPlaceholder(getTranslation("course.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setId("courses-search");
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        status.setPlaceholder(getTranslation("scheduling.any-status"));
        status.setItems(Boolean.TRUE, Boolean.FALSE);
        status.setItemLabelGenerator(b -> getTranslation(b ? "scheduling.active" : "scheduling.inactive"));
        status.setClearButtonVisible(true);
        status.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        var create = ServiceErrors.primary(getTranslation("course.new"));
        create.setId("new-course");
        create.addClickListener(e -> open(null));
        var filters = new HorizontalLayout(search, status, create);
        filters.addClassName("filter-bar");
        filters.setWidthFull();
        filters.expand(search);

        var money = Money.formatter(institution.settings().currency(), getLocale());
        grid.addColumn(Course::code).setHeader(getTranslation("course.code")).setSortProperty("code")
                .setAutoWidth(true);
        grid.addColumn(Course::name).setHeader(getTranslation("course.name")).setSortProperty("name")
                .setFlexGrow(1);
        grid.addColumn(Course::subject).setHeader(getTranslation("course.subject")).setSortProperty("subject")
                .setAutoWidth(true);
        grid.addColumn(Course::level).setHeader(getTranslation("course.level")).setAutoWidth(true);
        grid.addColumn(Course::sessionMinutes).setHeader(getTranslation("course.session-minutes"))
                .setAutoWidth(true);
        grid.addColumn(c -> money.format(c.lessonPrice())).setHeader(getTranslation("course.lesson-price"))
                .setAutoWidth(true);
        grid.addColumn(c -> getTranslation(c.active() ? "scheduling.active" : "scheduling.inactive"))
                .setHeader(getTranslation("course.status")).setAutoWidth(true);
        grid.setItems(query -> courses.find(new CourseFilter(search.getValue(), status.getValue()),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setId("courses-grid");
        grid.setSizeFull();
        add(filters, grid);
    }

    private void open(@Nullable Course course) {
        var dialog = new Dialog(course == null ? getTranslation("course.new")
                : getTranslation("course.edit", course.code()));
        var code = new TextField(getTranslation("course.code"));
        code.setId("course-code");
        var name = new TextField(getTranslation("course.name"));
        name.setId("course-name");
        var subject = new TextField(getTranslation("course.subject"));
        subject.setId("course-subject");
        var level = new TextField(getTranslation("course.level"));
        var minutes = new IntegerField(getTranslation("course.session-minutes"));
        minutes.setId("course-minutes");
        minutes.setStepButtonsVisible(true);
        minutes.setStep(15);
        var price = new BigDecimalField(getTranslation("course.lesson-price"));
        price.setId("course-price");
        var active = new Checkbox(getTranslation("scheduling.active"));

        // The record form style (docs/forms.md): bound by component name, the record's own constraints validate,
        // writeRecord() builds the draft.
        var binder = new BeanValidationBinder<>(CourseDraft.class);
        binder.forField(code).asRequired(getTranslation("course.code.required")).bind("code");
        binder.forField(name).asRequired(getTranslation("course.name.required")).bind("name");
        binder.forField(subject).asRequired(getTranslation("course.subject.required")).bind("subject");
        binder.forField(level).bind("level");
        binder.forField(minutes).asRequired(getTranslation("course.session-minutes.invalid"))
                .withValidator(m -> m >= 5 && m <= 720, getTranslation("course.session-minutes.invalid"))
                .bind("sessionMinutes");
        binder.forField(price).asRequired(getTranslation("course.lesson-price.required"))
                .withValidator(p -> p.signum() >= 0, getTranslation("course.lesson-price.required"))
                .bind("lessonPrice");
        binder.forField(active).bind("active");
        binder.readRecord(course == null ? new CourseDraft("", "", "", "", 90, BigDecimal.ZERO, true)
                : new CourseDraft(course.code(), course.name(), course.subject(), course.level(),
                        course.sessionMinutes(), course.lessonPrice(), course.active()));

        var save = ServiceErrors.primary(getTranslation("action.save"));
        save.setId("save-course");
        save.addClickListener(e -> {
            var draft = RecordForms.write(binder);
            if (draft == null) {
                return;
            }
            try {
                var saved = course == null ? courses.create(draft)
                        : courses.update(course.id(), course.version(), draft);
                Notifications.success(getTranslation("course.saved", saved.code()));
                dialog.close();
                grid.getDataProvider().refreshAll();
            } catch (RuntimeException ex) {
                if (!ServiceErrors.show(this, ex, f -> RecordForms.field(binder, f), () -> {
                    dialog.close();
                    grid.getDataProvider().refreshAll();
                })) {
                    throw ex;
                }
            }
        });
        var form = new FormLayout(code, name, subject, level, minutes, price, active);
        form.setColspan(name, 2);
        dialog.add(form);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.setWidth("min(40rem, 95vw)");
        dialog.open();
    }

    @Override
    public String titleKey() {
        return "nav.courses";
    }
}
