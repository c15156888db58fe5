package io.campuscrm.scheduling.ui;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;

import io.campuscrm.institution.Campus;
import io.campuscrm.scheduling.ClassDetails;
import io.campuscrm.scheduling.ClassDraft;
import io.campuscrm.scheduling.ClassSchedule;
import io.campuscrm.scheduling.ClassStatus;
import io.campuscrm.scheduling.Course;
import io.campuscrm.scheduling.CourseFilter;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.scheduling.Recurrence;
import io.campuscrm.scheduling.Room;
import io.campuscrm.scheduling.RoomService;
import io.campuscrm.scheduling.Term;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.i18n.Lists;
import io.campuscrm.shared.ui.MultiSelects;
import io.campuscrm.shared.ui.RecordForms;

/**
 * A class's fields and weekly schedule, on a copy of the class until saved (the record form style, docs/forms.md:
 * bound to the {@link ClassDraft}'s components by name, which validate). The preview under the schedule says how
 * many sessions the rule makes in the chosen term and which holidays it skips, while the user edits it.
 */
class ClassForm extends Composite<VerticalLayout> {

    final TextField code = new TextField();
    final TextField name = new TextField();
    final ComboBox<Course> course = new ComboBox<>();
    final ComboBox<Term> term = new ComboBox<>();
    final ComboBox<Campus> campus = new ComboBox<>();
    final ComboBox<Room> room = new ComboBox<>();
    final IntegerField capacity = new IntegerField();
    final Checkbox waitingList = new Checkbox();
    final ComboBox<ClassStatus> status = new ComboBox<>();
    final MultiSelectComboBox<TeacherOption> teachers = MultiSelects.localized(new MultiSelectComboBox<>());
    final RecurrenceEditor recurrence;

    private final BeanValidationBinder<ClassDraft> binder = new BeanValidationBinder<>(ClassDraft.class);
    private final ClassSchedule schedule;
    private final ScheduleTexts texts;

    /**
     * @param teacherOptions the teachers the teachers field offers
     * @param teachersById the class's teachers as the teachers field shows them
     */
    ClassForm(ClassSchedule schedule, CourseService courses, RoomService rooms, List<Term> terms,
            List<Campus> campuses, CallbackDataProvider.FetchCallback<TeacherOption, String> teacherOptions,
            Function<Set<Long>, Set<TeacherOption>> teachersById) {
        this.schedule = schedule;
        this.texts = ScheduleTexts.of(this);
        this.recurrence = new RecurrenceEditor();
        code.setLabel(getTranslation("class.code"));
        code.setId("class-code");
        name.setLabel(getTranslation("class.name"));
        name.setId("class-name");
        course.setLabel(getTranslation("class.course"));
        course.setId("class-course");
        course.setItemLabelGenerator(c -> c.code() + " — " + c.name());
        course.setItems(query -> courses.find(new CourseFilter(query.getFilter().orElse(null), true),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        term.setLabel(getTranslation("class.term"));
        term.setId("class-term");
        term.setItems(terms);
        term.setItemLabelGenerator(Term::name);
        campus.setLabel(getTranslation("class.campus"));
        campus.setId("class-campus");
        campus.setItems(campuses);
        campus.setItemLabelGenerator(Campus::name);
        room.setLabel(getTranslation("class.room"));
        room.setId("class-room");
        room.setItemLabelGenerator(r -> getTranslation("room.option", r.name(), r.capacity()));
        capacity.setLabel(getTranslation("class.capacity"));
        capacity.setId("class-capacity");
        capacity.setStepButtonsVisible(true);
        waitingList.setLabel(getTranslation("class.waiting-list"));
        status.setLabel(getTranslation("class.status"));
        status.setId("class-status");
        status.setItems(ClassStatus.values());
        status.setItemLabelGenerator(s -> getTranslation(s.messageKey()));
        teachers.setLabel(getTranslation("class.teachers"));
        teachers.setHelperText(getTranslation("class.teachers.help"));
        teachers.setId("class-teachers");
        teachers.setItems(teacherOptions);
        teachers.setItemLabelGenerator(TeacherOption::name);

        binder.forField(code).asRequired(getTranslation("class.code.required")).withConverter(String::strip, c -> c)
                .bind("code");
        binder.forField(name).asRequired(getTranslation("class.name.required")).withConverter(String::strip, n -> n)
                .bind("name");
        binder.forField(course).asRequired(getTranslation("class.course.required"))
                .withConverter(Course::id, id -> id == 0 ? null : courses.get(id)).bind("courseId");
        binder.forField(term).asRequired(getTranslation("class.term.required"))
                .withConverter(Term::id, id -> terms.stream().filter(t -> t.id() == id).findFirst().orElse(null))
                .bind("termId");
        binder.forField(campus).asRequired(getTranslation("class.campus.required"))
                .withConverter(Campus::id, id -> campuses.stream().filter(c -> c.id() == id).findFirst().orElse(null))
                .bind("campusId");
        binder.forField(room).asRequired(getTranslation("class.room.required"))
                .withConverter(Room::id, id -> id == 0 ? null : rooms.get(id)).bind("roomId");
        binder.forField(capacity).asRequired(getTranslation("class.capacity.invalid"))
                .withValidator(c -> c >= 1 && c <= 1000, getTranslation("class.capacity.invalid")).bind("capacity");
        binder.forField(waitingList).bind("waitingListEnabled");
        binder.forField(status).asRequired().bind("status");
        binder.forField(teachers).withConverter(
                options -> options.stream().map(TeacherOption::id).collect(Collectors.toSet()),
                teachersById::apply).bind("teacherIds");
        binder.forField(recurrence)
                .withValidator(s -> !s.incomplete(), getTranslation("class.recurrence.weekdays.required"))
                .withConverter(WeeklySchedule::rule, WeeklySchedule::of).bind("recurrence");
        // After the binding's own listener, which checks the rule on every change: an edit clears the schedule's
        // message (a clash, or a rule still being entered), and the rule is checked again when saved.
        recurrence.addValueChangeListener(e -> preview());

        campus.addValueChangeListener(e -> {
            room.setItems(e.getValue() == null ? List.of() : rooms.activeRooms(e.getValue().id()));
        });
        term.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                var old = e.getOldValue();
                recurrence.defaultDates(e.getValue().startsOn(), e.getValue().endsOn(),
                        old == null ? null : old.startsOn(), old == null ? null : old.endsOn());
            }
            preview();
        });
        course.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                recurrence.defaultLength(e.getValue().sessionMinutes());
            }
        });
        recurrence.start.addValueChangeListener(e -> {
            if (course.getValue() != null) {
                recurrence.defaultLength(course.getValue().sessionMinutes());
            }
        });

        var fields = new FormLayout(code, name, course, term, campus, room, capacity, status, teachers, waitingList);
        fields.setColspan(teachers, 2);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("600px", 2));
        var content = getContent();
        content.setPadding(false);
        content.add(fields, new H3(getTranslation("class.recurrence")), recurrence);
    }

    /** An empty form for a new class, in the given term and at the given campus, repeating weekly. */
    void showNew(@Nullable Term defaultTerm, @Nullable Campus defaultCampus) {
        binder.readRecord(new ClassDraft("", "", 0, defaultTerm == null ? 0 : defaultTerm.id(),
                defaultCampus == null ? 0 : defaultCampus.id(), 0, 12, true, ClassStatus.PLANNED, Set.of(), null));
        recurrence.setValue(defaultTerm == null ? new WeeklySchedule(true, Set.of(), null, null, null, null)
                : new WeeklySchedule(true, Set.of(), null, null, defaultTerm.startsOn(), defaultTerm.endsOn()));
        preview();
    }

    void show(ClassDetails details) {
        binder.readRecord(details.toDraft());
        preview();
    }

    /** The draft, or null when a field is invalid (the field shows why). */
    @Nullable ClassDraft draft() {
        return RecordForms.write(binder);
    }

    void setReadOnly(boolean readOnly) {
        code.setReadOnly(readOnly);
        name.setReadOnly(readOnly);
        course.setReadOnly(readOnly);
        term.setReadOnly(readOnly);
        campus.setReadOnly(readOnly);
        room.setReadOnly(readOnly);
        capacity.setReadOnly(readOnly);
        status.setReadOnly(readOnly);
        teachers.setReadOnly(readOnly);
        waitingList.setReadOnly(readOnly);
        recurrence.setReadOnly(readOnly);
    }

    /** Shows what the rule would generate, or why it cannot. */
    void preview() {
        Recurrence rule = recurrence.getValue().rule();
        recurrence.setInvalid(false);
        if (rule == null || term.getValue() == null) {
            recurrence.preview.setText(recurrence.getValue().repeats() ? "" : getTranslation("class.schedule.none"));
            return;
        }
        try {
            var p = schedule.preview(term.getValue().id(), rule);
            var format = texts.format();
            String text = p.sessions() == 0 ? getTranslation("class.preview.none")
                    : getTranslation("class.preview", p.sessions(), format.date(p.first()), format.date(p.last()));
            if (!p.skipped().isEmpty()) {
                text = getTranslation("format.sentences", text, getTranslation("class.preview.skipped",
                        p.skipped().size(), p.skipped().stream()
                                .map(s -> getTranslation("format.parenthetical", format.date(s.date()),
                                        s.closureName()))
                                .collect(Collectors.joining(Lists.separator(getLocale())))));
            }
            recurrence.preview.setText(text);
        } catch (DomainException e) {
            recurrence.preview.setText(getTranslation(e.messageKey(), e.arguments()));
        }
    }

    /** The field bound to the draft's component of that name, to show a refusal on. */
    @Nullable HasValidation field(String component) {
        return RecordForms.field(binder, component);
    }
}
