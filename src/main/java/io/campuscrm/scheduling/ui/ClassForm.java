package io.campuscrm.scheduling.ui;

import java.util.List;
import java.util.Set;
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
import com.vaadin.flow.data.binder.Binder;
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
import io.campuscrm.shared.ui.ValidationOnly;

/**
 * A class's fields and weekly schedule, on a copy of the class until saved. The preview under the schedule says how
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
    final MultiSelectComboBox<TeacherOption> teachers = new MultiSelectComboBox<>();
    final RecurrenceEditor recurrence;

    private final Binder<ClassDetails> binder = new Binder<>();
    private final ClassSchedule schedule;
    private final CourseService courses;
    private final RoomService rooms;
    private final ScheduleTexts texts;

    ClassForm(ClassSchedule schedule, CourseService courses, RoomService rooms, List<Term> terms,
            List<Campus> campuses, CallbackDataProvider.FetchCallback<TeacherOption, String> teacherOptions) {
        this.schedule = schedule;
        this.courses = courses;
        this.rooms = rooms;
        this.texts = new ScheduleTexts(getLocale());
        this.recurrence = new RecurrenceEditor(r -> preview());
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
        room.setItemLabelGenerator(r -> r.name() + " (" + r.capacity() + ")");
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

        binder.forField(code).asRequired(getTranslation("class.code.required")).bind(ClassDetails::code, ValidationOnly.setter());
        binder.forField(name).asRequired(getTranslation("class.name.required")).bind(ClassDetails::name, ValidationOnly.setter());
        binder.forField(course).asRequired(getTranslation("class.course.required")).bind(d -> null, ValidationOnly.setter());
        binder.forField(term).asRequired(getTranslation("class.term.required")).bind(d -> null, ValidationOnly.setter());
        binder.forField(campus).asRequired(getTranslation("class.campus.required")).bind(d -> null, ValidationOnly.setter());
        binder.forField(room).asRequired(getTranslation("class.room.required")).bind(d -> null, ValidationOnly.setter());
        binder.forField(capacity).asRequired(getTranslation("class.capacity.invalid"))
                .withValidator(c -> c >= 1 && c <= 1000, getTranslation("class.capacity.invalid"))
                .bind(ClassDetails::capacity, ValidationOnly.setter());
        binder.forField(status).asRequired().bind(ClassDetails::status, ValidationOnly.setter());

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

    void showNew(@Nullable Term defaultTerm, @Nullable Campus defaultCampus) {
        binder.readBean(new ClassDetails(0, "", "", 0, 0, 0, 0, 12, true, ClassStatus.PLANNED, Set.of(), null, null,
                0));
        term.setValue(defaultTerm);
        campus.setValue(defaultCampus);
        recurrence.show(null);
        recurrence.repeats.setValue(true);
        if (defaultTerm != null) {
            recurrence.defaultDates(defaultTerm.startsOn(), defaultTerm.endsOn(), null, null);
        }
        preview();
    }

    void show(ClassDetails details, List<TeacherOption> currentTeachers, Term classTerm, Campus classCampus,
            Room classRoom) {
        binder.readBean(details);
        course.setValue(courses.get(details.courseId()));
        term.setValue(classTerm);
        campus.setValue(classCampus);
        room.setValue(classRoom);
        waitingList.setValue(details.waitingListEnabled());
        teachers.setValue(Set.copyOf(currentTeachers));
        recurrence.show(details.recurrence());
        preview();
    }

    /** The validated draft, or null when a field is invalid (the field shows why). */
    @Nullable ClassDraft draft() {
        boolean ok = binder.validate().isOk();
        if (recurrence.incomplete()) {
            recurrence.weekdays.setErrorMessage(getTranslation("class.recurrence.weekdays.required"));
            recurrence.weekdays.setInvalid(true);
            ok = false;
        }
        if (!ok) {
            return null;
        }
        return new ClassDraft(code.getValue().strip(), name.getValue().strip(), course.getValue().id(),
                term.getValue().id(), campus.getValue().id(), room.getValue().id(), capacity.getValue(),
                waitingList.getValue(), status.getValue(),
                teachers.getValue().stream().map(TeacherOption::id).collect(Collectors.toSet()), recurrence.value());
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
        Recurrence rule = recurrence.value();
        recurrence.weekdays.setInvalid(false);
        if (rule == null || term.getValue() == null) {
            recurrence.preview.setText(recurrence.repeats.getValue() ? "" : getTranslation("class.schedule.none"));
            return;
        }
        try {
            var p = schedule.preview(term.getValue().id(), rule);
            var format = texts.format();
            String text = p.sessions() == 0 ? getTranslation("class.preview.none")
                    : getTranslation("class.preview", p.sessions(), format.date(p.first()), format.date(p.last()));
            if (!p.skipped().isEmpty()) {
                text += " " + getTranslation("class.preview.skipped", p.skipped().size(), p.skipped().stream()
                        .map(s -> format.date(s.date()) + " (" + s.closureName() + ")")
                        .collect(Collectors.joining(", ")));
            }
            recurrence.preview.setText(text);
        } catch (DomainException e) {
            recurrence.preview.setText(getTranslation(e.messageKey(), e.arguments()));
        }
    }

    @Nullable HasValidation field(String field) {
        return switch (field) {
            case "code" -> code;
            case "name" -> name;
            case "courseId" -> course;
            case "termId" -> term;
            case "campusId" -> campus;
            case "roomId" -> room;
            case "capacity" -> capacity;
            case "teacherIds" -> teachers;
            case "recurrence" -> recurrence.weekdays;
            default -> null;
        };
    }
}
