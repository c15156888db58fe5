package io.campuscrm.scheduling.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;

import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.Room;
import io.campuscrm.scheduling.RoomDraft;
import io.campuscrm.scheduling.RoomFilter;
import io.campuscrm.scheduling.RoomService;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.support.CampusIntegrationTest;

/** The room dialog without a browser: its fields' messages, the service's refusals on their field, saving. */
@CampusIntegrationTest
class RoomsViewIT extends SpringBrowserlessTest {

    @Autowired
    RoomService rooms;
    @Autowired
    InstitutionService institution;

    Campus orchard;

    @BeforeEach
    void setUp() {
        orchard = SystemAuthentication.call(() -> institution.campuses().stream()
                .filter(c -> c.name().equals("Orchard")).findFirst().orElseThrow());
    }

    @Test
    @WithUserDetails("admin")
    void a_new_room_without_campus_or_name_is_not_saved_and_each_field_says_what_to_enter() {
        navigate(RoomsView.class);
        test($(Button.class).id("new-room")).click();
        test($(Button.class).id("save-room")).click();

        assertThat(campusField().isInvalid()).isTrue();
        assertThat(campusField().getErrorMessage()).isEqualTo("Choose the campus");
        assertThat(nameField().isInvalid()).isTrue();
        assertThat(nameField().getErrorMessage()).isEqualTo("Enter the room's name");
        assertThat($(Button.class).withId("save-room").exists()).as("the dialog stays open").isTrue();
    }

    @Test
    @WithUserDetails("admin")
    void a_capacity_out_of_range_stops_the_save_with_its_message() {
        String name = unique("UI room");
        navigate(RoomsView.class);
        test($(Button.class).id("new-room")).click();
        campusField().setValue(orchard);
        test(nameField()).setValue(name);
        test(capacityField()).setValue(0);
        test($(Button.class).id("save-room")).click();

        assertThat(capacityField().isInvalid()).isTrue();
        assertThat(capacityField().getErrorMessage()).isEqualTo("Enter 1 to 1000 seats");
        assertThat(find(name)).isEmpty();
    }

    @Test
    @WithUserDetails("admin")
    void a_name_the_campus_already_has_is_refused_on_the_name_field() {
        var existing = create(unique("UI room"), 12);
        navigate(RoomsView.class);
        test($(Button.class).id("new-room")).click();
        campusField().setValue(orchard);
        test(nameField()).setValue(existing.name().toLowerCase());
        test(capacityField()).setValue(10);
        test($(Button.class).id("save-room")).click();

        assertThat(nameField().isInvalid()).isTrue();
        assertThat(nameField().getErrorMessage())
                .isEqualTo("This campus already has a room called " + existing.name().toLowerCase() + ".");
        assertThat(find(existing.name())).singleElement().extracting(Room::id).isEqualTo(existing.id());
    }

    @Test
    @WithUserDetails("admin")
    void an_administrator_creates_a_room_and_its_name_is_saved_without_surrounding_spaces() {
        String name = unique("UI room");
        navigate(RoomsView.class);
        test($(Button.class).id("new-room")).click();
        campusField().setValue(orchard);
        test(nameField()).setValue("  " + name + " ");
        test(capacityField()).setValue(14);
        test($(Button.class).id("save-room")).click();

        assertThat(find(name)).singleElement().satisfies(r -> {
            assertThat(r.name()).isEqualTo(name);
            assertThat(r.campusId()).isEqualTo(orchard.id());
            assertThat(r.capacity()).isEqualTo(14);
        });
        assertThat($(Button.class).withId("save-room").exists()).as("the dialog closed").isFalse();
    }

    @Test
    @WithUserDetails("admin")
    void an_administrator_changes_a_rooms_capacity_in_the_dialog() {
        var room = create(unique("UI room"), 12);
        openRoom(room);
        assertThat(nameField().getValue()).isEqualTo(room.name());
        assertThat(campusField().isReadOnly()).as("a room stays at its campus").isTrue();
        test(capacityField()).setValue(20);
        test($(Button.class).id("save-room")).click();

        var saved = SystemAuthentication.call(() -> rooms.get(room.id()));
        assertThat(saved.capacity()).isEqualTo(20);
        assertThat(saved.name()).isEqualTo(room.name());
        assertThat(saved.version()).isGreaterThan(room.version());
    }

    @Test
    @WithUserDetails("admin")
    void cancelling_the_dialog_discards_what_was_typed() {
        var room = create(unique("UI room"), 12);
        openRoom(room);
        test(capacityField()).setValue(30);
        test(nameField()).setValue("Renamed");
        test($(Button.class).withText("Cancel").single()).click();

        assertThat(SystemAuthentication.call(() -> rooms.get(room.id()))).isEqualTo(room);
        openRoom(room);
        assertThat(nameField().getValue()).isEqualTo(room.name());
        assertThat(capacityField().getValue()).isEqualTo(12);
    }

    @Test
    @WithUserDetails("admin")
    void a_room_someone_else_saved_meanwhile_is_not_overwritten_and_a_reload_is_offered() {
        var room = create(unique("UI room"), 12);
        openRoom(room);
        SystemAuthentication.run(() -> rooms.update(room.id(), room.version(),
                new RoomDraft(orchard.id(), room.name(), 40, true)));
        test(capacityField()).setValue(20);
        test($(Button.class).id("save-room")).click();

        assertThat(test($(ConfirmDialog.class).single()).getHeader()).isEqualTo("Changed by someone else");
        assertThat(SystemAuthentication.call(() -> rooms.get(room.id())).capacity()).isEqualTo(40);
    }

    private void openRoom(Room room) {
        navigate(RoomsView.class);
        test($(TextField.class).id("rooms-search")).setValue(room.name());
        @SuppressWarnings("unchecked")
        Grid<Room> grid = $(Grid.class).id("rooms-grid");
        assertThat(test(grid).size()).isEqualTo(1);
        test(grid).clickRow(0);
    }

    private Room create(String name, int capacity) {
        return SystemAuthentication.call(() -> rooms.create(new RoomDraft(orchard.id(), name, capacity, true)));
    }

    private List<Room> find(String name) {
        return SystemAuthentication.call(() -> rooms.find(new RoomFilter(orchard.id(), name, null),
                PageRequest.of(0, 5)).getContent());
    }

    @SuppressWarnings("unchecked")
    private ComboBox<Campus> campusField() {
        return $(ComboBox.class).id("room-campus");
    }

    private TextField nameField() {
        return $(TextField.class).id("room-name");
    }

    private IntegerField capacityField() {
        return $(IntegerField.class).id("room-capacity");
    }

    private static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }
}
