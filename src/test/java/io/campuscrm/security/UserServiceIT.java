package io.campuscrm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.StaleEditException;
import io.campuscrm.shared.security.Role;
import io.campuscrm.support.CampusIntegrationTest;

/** User administration rules, enforced by the service whatever the UI shows. */
@CampusIntegrationTest
class UserServiceIT {

    @Autowired
    UserService users;
    @Autowired
    AuditLogService auditLog;

    @Test
    @WithUserDetails("teacher")
    void a_teacher_cannot_list_users_even_without_the_ui() {
        assertThatThrownBy(() -> users.findUsers(UserFilter.all(), PageRequest.of(0, 10)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> users.create(draft(unique(), Role.ADMIN), "long enough password"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    @WithUserDetails("admin")
    void a_username_is_unique_regardless_of_case() {
        String name = unique();
        users.create(draft(name, Role.TEACHER), "long enough password");
        assertThatThrownBy(() -> users.create(draft(name.toUpperCase(), Role.TEACHER), "long enough password"))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("username");
                    assertThat(e.messageKey()).isEqualTo("user.error.duplicate-username");
                });
    }

    @Test
    @WithUserDetails("admin")
    void a_short_password_is_refused_on_the_password_field() {
        assertThatThrownBy(() -> users.create(draft(unique(), Role.TEACHER), "short"))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.field()).isEqualTo("password"));
    }

    @Test
    @WithUserDetails("admin")
    void a_stale_edit_is_refused_and_names_who_changed_the_user() {
        var created = users.create(draft(unique(), Role.TEACHER), "long enough password");
        users.update(created.id(), created.version(), draft(created.username(), Role.FINANCE));
        assertThatThrownBy(() -> users.update(created.id(), created.version(), draft(created.username(), Role.ADMIN)))
                .isInstanceOfSatisfying(StaleEditException.class, e -> assertThat(e.changedBy()).isEqualTo("admin"));
        assertThat(users.get(created.id()).roles()).containsExactly(Role.FINANCE);
    }

    @Test
    @WithUserDetails("admin")
    void changes_are_in_the_audit_log_field_by_field() {
        var created = users.create(draft(unique(), Role.TEACHER), "long enough password");
        users.update(created.id(), created.version(), draft(created.username(), Role.TEACHER, Role.FINANCE));
        var entries = auditLog.search(new AuditFilter("admin", "User", String.valueOf(created.id()), null, null, null),
                PageRequest.of(0, 10)).getContent();
        assertThat(entries).hasSize(2);
        assertThat(entries.getFirst().details()).contains("roles: [TEACHER] → [FINANCE, TEACHER]")
                .doesNotContain("displayName");
    }

    @Test
    @WithUserDetails("admin")
    void the_last_active_administrator_cannot_lose_the_role_or_be_disabled() {
        var admins = users.findUsers(new UserFilter(null, Role.ADMIN, true), PageRequest.of(0, 100)).getContent();
        var demoAdmin = admins.stream().filter(a -> a.username().equals("admin")).findFirst().orElseThrow();
        assertThatThrownBy(() -> users.setEnabled(demoAdmin.id(), false))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isIn("user.error.disable-self", "user.error.last-admin"));
        if (admins.size() == 1) {
            assertThatThrownBy(() -> users.update(demoAdmin.id(), demoAdmin.version(),
                    draft("admin", Role.TEACHER))).isInstanceOfSatisfying(DomainException.class,
                            e -> assertThat(e.messageKey()).isEqualTo("user.error.last-admin"));
        }
    }

    @Test
    @WithUserDetails("admin")
    void the_list_filters_by_text_role_and_status_page_by_page() {
        String name = unique();
        var created = users.create(draft(name, Role.FINANCE), "long enough password");
        users.setEnabled(created.id(), false);
        assertThat(users.findUsers(new UserFilter(name, null, null), PageRequest.of(0, 10)).getContent())
                .extracting(UserAccount::username).containsExactly(name);
        assertThat(users.findUsers(new UserFilter(name, Role.FINANCE, false), PageRequest.of(0, 10))).hasSize(1);
        assertThat(users.findUsers(new UserFilter(name, Role.FINANCE, true), PageRequest.of(0, 10))).isEmpty();
        assertThat(users.findUsers(new UserFilter(name, Role.TEACHER, null), PageRequest.of(0, 10))).isEmpty();
    }

    private static String unique() {
        return "u" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static UserDraft draft(String username, Role... roles) {
        return UserDraft.of(username, "Test " + username, username + "@example.org", Set.of(roles), Set.of());
    }
}
