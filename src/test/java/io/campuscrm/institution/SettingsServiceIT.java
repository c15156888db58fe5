package io.campuscrm.institution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithUserDetails;

import io.campuscrm.security.AuditEntry;
import io.campuscrm.security.AuditFilter;
import io.campuscrm.security.AuditLogService;
import io.campuscrm.security.internal.PasswordPolicy;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.StaleEditException;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.shared.settings.InvalidSettingValueException;
import io.campuscrm.shared.settings.Setting;
import io.campuscrm.support.CampusIntegrationTest;

/**
 * The settings store on the real database: what a module reads (a campus's value, else the institution's, else the
 * default), how a change is checked, guarded, audited and seen at once. What a test changes is put back after it; the
 * demo data gives Tampines its own largest document (20 MB).
 */
@CampusIntegrationTest
class SettingsServiceIT {

    private static final String ROWS = "students.import-max-rows";
    private static final String DOCUMENT = "students.document-max-size";
    private static final String PASSWORD = "security.min-password-length";

    @Autowired
    SettingsService service;
    @Autowired
    Settings settings;
    @Autowired
    InstitutionService institution;
    @Autowired
    AuditLogService auditLog;
    @Autowired
    PasswordPolicy passwordPolicy;

    @AfterEach
    void putBack() {
        SystemAuthentication.run(() -> {
            for (var state : service.all()) {
                String key = state.setting().key();
                if (state.institution().overridden()) {
                    service.reset(key, null, state.institution().version());
                }
                for (var campus : state.campuses()) {
                    // the demo's one campus value: the document size at Tampines
                    boolean tampines = campus.campusId() == campus("Tampines").id() && key.equals(DOCUMENT);
                    if (tampines && !"20".equals(campus.value())) {
                        service.change(key, campus.campusId(), campus.version(), "20");
                    } else if (!tampines && campus.overridden()) {
                        service.reset(key, campus.campusId(), campus.version());
                    }
                }
            }
        });
    }

    @Test
    @WithUserDetails("admin")
    void a_campus_reads_its_own_value_else_the_institutions_else_the_default() {
        long orchard = campus("Orchard").id();
        long tampines = campus("Tampines").id();
        assertThat(read(DOCUMENT, null)).as("the default, from campuscrm.students.document-max-size").isEqualTo(10);
        assertThat(read(DOCUMENT, orchard)).isEqualTo(10);
        assertThat(read(DOCUMENT, tampines)).as("the demo's override").isEqualTo(20);

        var institutionValue = service.change(DOCUMENT, null, version(DOCUMENT, null), "12");
        assertThat(read(DOCUMENT, null)).isEqualTo(12);
        assertThat(read(DOCUMENT, orchard)).isEqualTo(12);
        assertThat(read(DOCUMENT, tampines)).isEqualTo(20);

        var orchardValue = service.change(DOCUMENT, orchard, version(DOCUMENT, orchard), "15");
        assertThat(read(DOCUMENT, orchard)).isEqualTo(15);

        service.reset(DOCUMENT, orchard, orchardValue.version());
        assertThat(read(DOCUMENT, orchard)).as("back on the institution's value").isEqualTo(12);
        service.reset(DOCUMENT, null, institutionValue.version());
        assertThat(read(DOCUMENT, null)).as("back on the default").isEqualTo(10);
        var state = state(DOCUMENT);
        assertThat(state.institution().overridden()).isFalse();
        assertThat(state.institutionValue()).isEqualTo("10");
        assertThat(state.campuses()).extracting(SettingValue::campusId).containsSubsequence(orchard, tampines);
    }

    @Test
    @WithUserDetails("admin")
    void a_value_outside_the_range_is_refused_with_what_to_enter_and_nothing_is_saved() {
        long before = lastAuditLine();
        var seen = state(ROWS).institution();
        assertThatThrownBy(() -> service.change(ROWS, null, version(ROWS, null), "0"))
                .isInstanceOfSatisfying(InvalidSettingValueException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo("setting.error.integer");
                    assertThat(e.arguments()).containsExactly(100, 100_000);
                    assertThat(e.field()).isEqualTo("value");
                });
        assertThatThrownBy(() -> service.change(ROWS, null, version(ROWS, null), "lots"))
                .isInstanceOf(InvalidSettingValueException.class);

        assertThat(state(ROWS).institution()).isEqualTo(seen);
        assertThat(read(ROWS, null)).isEqualTo(20_000);
        assertThat(audit(ROWS, before)).isEmpty();
    }

    @Test
    @WithUserDetails("admin")
    void a_campus_value_of_a_setting_every_campus_shares_is_refused() {
        long orchard = campus("Orchard").id();
        assertThatThrownBy(() -> service.change(ROWS, orchard, SettingValue.NEW, "500"))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.messageKey()).isEqualTo("setting.error.not-per-campus"));
    }

    @Test
    @WithUserDetails("admin")
    void a_change_made_on_a_stale_copy_is_refused_naming_who_changed_it() {
        var seen = state(ROWS).institution();
        var first = service.change(ROWS, null, seen.version(), "500");

        assertThatThrownBy(() -> service.change(ROWS, null, seen.version(), "600"))
                .isInstanceOfSatisfying(StaleEditException.class, e -> assertThat(e.changedBy()).isEqualTo("admin"));
        var second = service.change(ROWS, null, first.version(), "600");
        assertThatThrownBy(() -> service.reset(ROWS, null, first.version()))
                .isInstanceOf(StaleEditException.class);
        assertThat(read(ROWS, null)).isEqualTo(600);
        assertThat(second.version()).isGreaterThan(first.version());
    }

    @Test
    @WithUserDetails("admin")
    void every_change_and_reset_is_on_the_audit_log_with_the_value_before_and_after() {
        long before = lastAuditLine();
        var changed = service.change(ROWS, null, version(ROWS, null), "150");
        var again = service.change(ROWS, null, changed.version(), "200");
        service.reset(ROWS, null, again.version());
        long orchard = campus("Orchard").id();
        service.change(DOCUMENT, orchard, version(DOCUMENT, orchard), "5");

        assertThat(audit(ROWS, before)).extracting(AuditEntry::actor, AuditEntry::summary, AuditEntry::details)
                .containsExactlyInAnyOrder(
                        Tuple.tuple("admin", "Changed setting Most rows in one import",
                                "value: (default 20000) → 150"),
                        Tuple.tuple("admin", "Changed setting Most rows in one import",
                                "value: 150 → 200"),
                        Tuple.tuple("admin",
                                "Reset setting Most rows in one import to its default",
                                "value: 200 → (default 20000)"));
        assertThat(audit(DOCUMENT + "@" + orchard, before)).singleElement().satisfies(a -> {
            assertThat(a.summary()).isEqualTo("Changed setting Largest document (MB) for campus Orchard");
            assertThat(a.details()).isEqualTo("value: (institution's) → 5");
        });
    }

    @Test
    @WithUserDetails("admin")
    void a_change_is_read_at_once_by_the_module_that_uses_it() {
        assertThat(passwordPolicy.minLength()).isEqualTo(10);
        var changed = service.change(PASSWORD, null, version(PASSWORD, null), "14");
        assertThat(passwordPolicy.minLength()).as("the cache was dropped when the change committed").isEqualTo(14);
        service.reset(PASSWORD, null, changed.version());
        assertThat(passwordPolicy.minLength()).isEqualTo(10);
    }

    @Test
    @WithUserDetails("teacher")
    void a_user_who_is_not_an_administrator_may_neither_see_nor_change_settings() {
        long version = SystemAuthentication.call(() -> version(ROWS, null));
        assertThatThrownBy(() -> service.all()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.change(ROWS, null, version, "500"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> service.reset(ROWS, null, version))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(SystemAuthentication.call(() -> state(ROWS)).institution().overridden()).isFalse();
    }

    private Object read(String key, Long campusId) {
        return read(settings.declared(key).orElseThrow(), campusId);
    }

    private <T> Object read(Setting<T> setting, Long campusId) {
        return settings.get(setting, campusId);
    }

    /** The version of what is stored at a level ({@link SettingValue#NEW} the first time a test runs). */
    private long version(String key, Long campusId) {
        var state = state(key);
        return campusId == null ? state.institution().version() : state.campuses().stream()
                .filter(c -> campusId.equals(c.campusId())).findFirst().orElseThrow().version();
    }

    private SettingState state(String key) {
        return service.all().stream().filter(s -> s.setting().key().equals(key)).findFirst().orElseThrow();
    }

    private Campus campus(String name) {
        return SystemAuthentication.call(institution::campuses).stream().filter(c -> c.name().equals(name))
                .findFirst().orElseThrow();
    }

    /** The setting's audit lines written after the line {@code after}. */
    private List<AuditEntry> audit(String entityId, long after) {
        return SystemAuthentication.call(() -> auditLog.search(
                new AuditFilter(null, "Setting", entityId, AuditAction.UPDATE, null, null), PageRequest.of(0, 50))
                .getContent()).stream().filter(a -> a.id() > after).toList();
    }

    private long lastAuditLine() {
        return SystemAuthentication.call(() -> auditLog.search(
                new AuditFilter(null, "Setting", null, null, null, null), PageRequest.of(0, 500)).getContent())
                .stream().mapToLong(AuditEntry::id).max().orElse(0);
    }
}
