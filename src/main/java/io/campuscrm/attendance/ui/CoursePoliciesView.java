package io.campuscrm.attendance.ui;

import java.util.Map;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;

import io.campuscrm.attendance.AttendanceStatus;
import io.campuscrm.attendance.ConsumptionPolicyService;
import io.campuscrm.attendance.CoursePolicy;
import io.campuscrm.scheduling.Course;
import io.campuscrm.scheduling.CourseFilter;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.shared.ui.Badge;
import io.campuscrm.shared.ui.LocalizedTitle;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.ServiceErrors;

import jakarta.annotation.security.RolesAllowed;

/** Which statuses consume a lesson, course by course: the institution's settings unless a course has its own. */
@Route("admin/consumption-policies")
@Menu(title = "nav.consumption-policies", order = 92, icon = "vaadin:scale")
@RolesAllowed("ADMIN")
class CoursePoliciesView extends VerticalLayout implements LocalizedTitle {

    private final ConsumptionPolicyService policies;
    private final Grid<Course> grid = new Grid<>();
    private Map<Long, CoursePolicy> page = Map.of();

    CoursePoliciesView(ConsumptionPolicyService policies, CourseService courses) {
        this.policies = policies;
        setSizeFull();
        add(new H2(getTranslation("nav.consumption-policies")), new Paragraph(getTranslation("policy.intro")));
        grid.addColumn(c -> c.code() + " — " + c.name()).setHeader(getTranslation("package.course")).setFlexGrow(1);
        grid.addComponentColumn(c -> {
            var p = policy(c);
            return new Badge(getTranslation(p.own() ? "policy.own" : "policy.institution"), p.own()
                    ? Badge.Tone.CONTRAST : Badge.Tone.NEUTRAL);
        }).setHeader(getTranslation("policy.source")).setAutoWidth(true);
        for (var status : AttendanceStatus.values()) {
            grid.addColumn(c -> getTranslation(policy(c).consumes(status) ? "policy.consumes" : "policy.free"))
                    .setHeader(getTranslation(status.messageKey())).setAutoWidth(true);
        }
        grid.setItems(query -> {
            var slice = courses.find(new CourseFilter(null, null), VaadinSpringDataHelpers.toSpringPageRequest(query));
            page = policies.of(slice.stream().map(Course::id).toList());
            return slice.stream();
        });
        grid.addItemClickListener(e -> edit(e.getItem()));
        grid.setId("course-policies");
        add(grid);
    }

    private CoursePolicy policy(Course course) {
        var p = page.get(course.id());
        return p != null ? p : policies.of(java.util.List.of(course.id())).get(course.id());
    }

    private void edit(Course course) {
        var current = policy(course);
        var dialog = new Dialog();
        dialog.setHeaderTitle(course.code() + " — " + course.name());
        var own = new Checkbox(getTranslation("policy.use-own"), current.own());
        var boxes = new java.util.EnumMap<AttendanceStatus, Checkbox>(AttendanceStatus.class);
        var layout = new VerticalLayout(own);
        for (var status : AttendanceStatus.values()) {
            var box = new Checkbox(getTranslation("policy.status-consumes", getTranslation(status.messageKey())),
                    current.consumes(status));
            box.setEnabled(current.own());
            boxes.put(status, box);
            layout.add(box);
        }
        own.addValueChangeListener(e -> boxes.values().forEach(b -> b.setEnabled(e.getValue())));
        dialog.add(layout);
        var save = ServiceErrors.primary(getTranslation("policy.save"));
        save.addClickListener(e -> {
            try {
                policies.set(course.id(), own.getValue() ? new CoursePolicy(course.id(), true,
                        boxes.get(AttendanceStatus.PRESENT).getValue(), boxes.get(AttendanceStatus.LATE).getValue(),
                        boxes.get(AttendanceStatus.ABSENT).getValue(), boxes.get(AttendanceStatus.EXCUSED).getValue(),
                        boxes.get(AttendanceStatus.LEFT_EARLY).getValue()) : null);
                Notifications.success(getTranslation("policy.saved"));
                dialog.close();
                grid.getDataProvider().refreshAll();
            } catch (RuntimeException error) {
                if (!ServiceErrors.show(this, error, field -> null, () -> grid.getDataProvider().refreshAll())) {
                    throw error;
                }
            }
        });
        dialog.getFooter().add(new Button(getTranslation("package.grant.cancel"), e -> dialog.close()), save);
        dialog.open();
    }

    @Override
    public String titleKey() {
        return "nav.consumption-policies";
    }
}
