package io.campuscrm.scheduling.ui;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

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
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;

import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.Room;
import io.campuscrm.scheduling.RoomDraft;
import io.campuscrm.scheduling.RoomFilter;
import io.campuscrm.scheduling.RoomService;
import io.campuscrm.shared.ui.LocalizedTitle;
import io.campuscrm.shared.ui.Notifications;
import io.campuscrm.shared.ui.RecordForms;
import io.campuscrm.shared.ui.ServiceErrors;
import jakarta.annotation.security.RolesAllowed;

/** Rooms per campus: filter by campus, create or change a room's name, capacity and whether it is in use. */
@Route("admin/rooms")
@Menu(title = "nav.rooms", order = 62, icon = "vaadin:office")
@RolesAllowed("ADMIN")
class RoomsView extends VerticalLayout implements LocalizedTitle {

    private final RoomService rooms;
    private final List<Campus> campuses;
    private final Map<Long, Campus> campusById;
    private final Grid<Room> grid = new Grid<>();
    private final ComboBox<Campus> campus = new ComboBox<>();
    private final TextField search = new TextField();

    RoomsView(RoomService rooms, InstitutionService institution) {
        this.rooms = rooms;
        this.campuses = institution.campuses();
        this.campusById = campuses.stream().collect(Collectors.toMap(Campus::id, Function.identity()));
        addClassName("list-view");
        setSizeFull();
        campus.setPlaceholder(getTranslation("scheduling.any-campus"));
        campus.setItems(campuses);
        campus.setItemLabelGenerator(Campus::name);
        campus.setClearButtonVisible(true);
        campus.setId("rooms-campus");
        campus.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        search.setPlaceholder(getTranslation("room.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setId("rooms-search");
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        var create = ServiceErrors.primary(getTranslation("room.new"));
        create.setId("new-room");
        create.addClickListener(e -> open(null));
        var filters = new HorizontalLayout(campus, search, create);
        filters.addClassName("filter-bar");
        filters.setWidthFull();
        filters.expand(search);

        grid.addColumn(r -> campusName(r.campusId())).setHeader(getTranslation("scheduling.campus"))
                .setSortProperty("campusId").setAutoWidth(true);
        grid.addColumn(Room::name).setHeader(getTranslation("room.name")).setSortProperty("name").setFlexGrow(1);
        grid.addColumn(Room::capacity).setHeader(getTranslation("room.capacity")).setSortProperty("capacity")
                .setAutoWidth(true);
        grid.addColumn(r -> getTranslation(r.active() ? "scheduling.active" : "scheduling.inactive"))
                .setHeader(getTranslation("course.status")).setAutoWidth(true);
        grid.setItems(query -> rooms.find(new RoomFilter(campus.getValue() == null ? null : campus.getValue().id(),
                search.getValue(), null), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream());
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setId("rooms-grid");
        grid.setSizeFull();
        add(filters, grid);
    }

    private String campusName(long id) {
        var c = campusById.get(id);
        return c == null ? "#" + id : c.name();
    }

    private void open(@Nullable Room room) {
        var dialog = new Dialog(room == null ? getTranslation("room.new") : getTranslation("room.edit", room.name()));
        var roomCampus = new ComboBox<Campus>(getTranslation("scheduling.campus"));
        roomCampus.setItems(campuses);
        roomCampus.setItemLabelGenerator(Campus::name);
        roomCampus.setReadOnly(room != null);
        roomCampus.setId("room-campus");
        var name = new TextField(getTranslation("room.name"));
        name.setId("room-name");
        var capacity = new IntegerField(getTranslation("room.capacity"));
        capacity.setId("room-capacity");
        capacity.setStepButtonsVisible(true);
        var active = new Checkbox(getTranslation("scheduling.active"));
        // The record form style (docs/forms.md): bound by component name, the record's constraints validate.
        var binder = new BeanValidationBinder<>(RoomDraft.class);
        binder.forField(roomCampus).asRequired(getTranslation("room.campus.required"))
                .withConverter(Campus::id, campusById::get).bind("campusId");
        binder.forField(name).asRequired(getTranslation("room.name.required"))
                .withConverter(String::strip, n -> n).bind("name");
        binder.forField(capacity).asRequired(getTranslation("room.capacity.invalid"))
                .withValidator(c -> c >= 1 && c <= 1000, getTranslation("room.capacity.invalid")).bind("capacity");
        binder.forField(active).bind("active");
        binder.readRecord(room != null ? room.toDraft()
                : new RoomDraft(campus.getValue() == null ? 0 : campus.getValue().id(), "", 16, true));

        var save = ServiceErrors.primary(getTranslation("action.save"));
        save.setId("save-room");
        save.addClickListener(e -> {
            var draft = RecordForms.write(binder);
            if (draft == null) {
                return;
            }
            try {
                var saved = room == null ? rooms.create(draft) : rooms.update(room.id(), room.version(), draft);
                Notifications.success(getTranslation("room.saved", saved.name()));
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
        dialog.add(new FormLayout(roomCampus, name, capacity, active));
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.setWidth("min(36rem, 95vw)");
        dialog.open();
    }

    @Override
    public String titleKey() {
        return "nav.rooms";
    }
}
