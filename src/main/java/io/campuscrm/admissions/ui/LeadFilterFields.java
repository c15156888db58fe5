package io.campuscrm.admissions.ui;

import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.PageRequest;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;

import io.campuscrm.admissions.LeadChoice;
import io.campuscrm.admissions.LeadCatalogService;
import io.campuscrm.admissions.LeadService;
import io.campuscrm.scheduling.Course;
import io.campuscrm.scheduling.CourseFilter;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.security.Colleague;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.ui.DatePickers;

/**
 * The filters the board and the list share beyond their own: the owner, the campaign, the course, the days a lead
 * was entered and the dates of its next action. The owner and the course are picked lazily (a page of names at a
 * time); the campaigns are a short list.
 */
final class LeadFilterFields {

    /** A school runs tens of campaigns; the filter offers the latest this many. */
    private static final int MOST_CAMPAIGNS = 200;

    final ComboBox<Colleague> owner = new ComboBox<>();
    final Select<LeadChoice> campaign = new Select<>();
    final ComboBox<Course> course = new ComboBox<>();
    final DatePicker createdFrom;
    final DatePicker createdTo;
    final DatePicker nextFrom;
    final DatePicker nextTo;

    LeadFilterFields(Component on, LeadCatalogService catalog, UserService users, CourseService courses,
            String ids) {
        owner.setLabel(on.getTranslation("lead.filter.owner"));
        owner.setPlaceholder(on.getTranslation("lead.filter.anyone"));
        owner.setItems(query -> users.colleagues(Role.ADMISSIONS, query.getFilter().orElse(null),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        owner.setItemLabelGenerator(Colleague::displayName);
        owner.setClearButtonVisible(true);
        owner.setId(ids + "-owner");
        campaign.setLabel(on.getTranslation("lead.filter.campaign"));
        campaign.setItems(catalog.campaigns(PageRequest.of(0, MOST_CAMPAIGNS)).stream()
                .map(c -> new LeadChoice(c.id(), null, c.name())).toList());
        campaign.setEmptySelectionAllowed(true);
        campaign.setEmptySelectionCaption(on.getTranslation("lead.filter.any-campaign"));
        campaign.setItemLabelGenerator(c -> c == null ? on.getTranslation("lead.filter.any-campaign")
                : LeadTexts.choice(on, c));
        campaign.setId(ids + "-campaign");
        course.setLabel(on.getTranslation("lead.filter.course"));
        course.setPlaceholder(on.getTranslation("lead.filter.any-course"));
        course.setItems(query -> courses.find(new CourseFilter(query.getFilter().orElse(null), null),
                VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        course.setItemLabelGenerator(Course::name);
        course.setClearButtonVisible(true);
        course.setId(ids + "-course");
        createdFrom = date(on, "lead.filter.created-from", ids + "-created-from");
        createdTo = date(on, "lead.filter.created-to", ids + "-created-to");
        nextFrom = date(on, "lead.filter.next-from", ids + "-next-from");
        nextTo = date(on, "lead.filter.next-to", ids + "-next-to");
    }

    private static DatePicker date(Component on, String labelKey, String id) {
        var picker = DatePickers.localized(new DatePicker(on.getTranslation(labelKey)));
        picker.setClearButtonVisible(true);
        picker.setId(id);
        return picker;
    }

    List<Component> fields() {
        return List.of(owner, campaign, course, createdFrom, createdTo, nextFrom, nextTo);
    }

    void onChange(Runnable change) {
        owner.addValueChangeListener(e -> change.run());
        campaign.addValueChangeListener(e -> change.run());
        course.addValueChangeListener(e -> change.run());
        for (DatePicker picker : List.of(createdFrom, createdTo, nextFrom, nextTo)) {
            picker.addValueChangeListener(e -> change.run());
        }
    }

    /** The filter with these fields' values; the owner picked here unless {@code ownerId} says whose already. */
    LeadService.LeadFilter filter(@Nullable Long campusId, @Nullable Long ownerId, boolean poolOnly,
            boolean withoutNextStep, boolean overdue, @Nullable Long sourceId, @Nullable String text) {
        Long whose = ownerId != null || poolOnly || owner.getValue() == null ? ownerId
                : Long.valueOf(owner.getValue().id());
        return new LeadService.LeadFilter(campusId, null, whose, poolOnly, withoutNextStep, overdue, sourceId, text,
                campaign.getValue() == null ? null : campaign.getValue().id(),
                course.getValue() == null ? null : course.getValue().id(), value(createdFrom), value(createdTo),
                value(nextFrom), value(nextTo));
    }

    private static @Nullable LocalDate value(DatePicker picker) {
        return picker.getValue();
    }
}
