package io.campuscrm.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.security.AuditEntry;
import io.campuscrm.security.AuditFilter;
import io.campuscrm.security.AuditLogService;
import io.campuscrm.security.UserDraft;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.i18n.Language;
import io.campuscrm.shared.security.Role;
import io.campuscrm.support.CampusIntegrationTest;

/**
 * The audit log in the reader's language: a change is stored with its summary in English (what search and exports
 * read) and as a message, which a Chinese administrator reads in Chinese; a line written before summaries had keys
 * shows its English summary to everyone.
 */
@CampusIntegrationTest
class AuditLogViewIT extends SpringBrowserlessTest {

    /** The grid's columns: when, user, action, record, summary. */
    private static final int RECORD = 3;
    private static final int SUMMARY = 4;

    @Autowired
    UserService users;
    @Autowired
    AuditLogService auditLog;
    @Autowired
    InstitutionService institution;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    @WithUserDetails("admin")
    void a_change_is_stored_in_english_with_its_key_and_a_chinese_reader_sees_the_summary_in_chinese() {
        String username = "audit" + UUID.randomUUID().toString().substring(0, 8);
        var created = users.create(UserDraft.of(username, "Audit Reader", username + "@example.org",
                Set.of(Role.TEACHER), Set.of()), "long enough password");

        var stored = auditLog.search(new AuditFilter("admin", "User", String.valueOf(created.id()), null, null, null),
                PageRequest.of(0, 5)).getContent();
        assertThat(stored).singleElement().satisfies(entry -> {
            assertThat(entry.summary()).isEqualTo("Created user " + username);
            assertThat(entry.summaryMessage()).isNotNull();
            assertThat(entry.summaryMessage().key()).isEqualTo("audit.user.created");
            assertThat(entry.summaryMessage().args()).containsExactly(username);
        });

        assertThat(summaryShownIn(Language.SIMPLIFIED_CHINESE, String.valueOf(created.id())))
                .isEqualTo("创建了用户 " + username);
    }

    @Test
    @WithUserDetails("admin")
    void a_line_written_before_summaries_had_keys_shows_its_stored_summary() {
        String entityId = "legacy-" + UUID.randomUUID().toString().substring(0, 8);
        jdbc.update("""
                INSERT INTO audit_log (occurred_at, actor, action, entity_type, entity_id, summary, details)
                VALUES (?, 'admin', 'UPDATE', 'User', ?, 'Changed user legacy', NULL)
                """, Timestamp.from(Instant.parse("2025-01-06T02:00:00Z")), entityId);

        assertThat(auditLog.search(new AuditFilter(null, "User", entityId, null, null, null), PageRequest.of(0, 5))
                .getContent()).singleElement().satisfies(entry -> assertThat(entry.summaryMessage()).isNull());
        assertThat(summaryShownIn(Language.SIMPLIFIED_CHINESE, entityId)).isEqualTo("Changed user legacy");
    }

    @Test
    @WithUserDetails("admin")
    void every_kind_of_record_in_the_log_has_a_name_in_both_languages() {
        var english = ResourceBundle.getBundle("vaadin-i18n.messages", Locale.ROOT);
        var chinese = ResourceBundle.getBundle("vaadin-i18n.messages", Locale.SIMPLIFIED_CHINESE);
        var types = auditLog.entityTypes();
        assertThat(types).as("the demo's log has lines about several kinds of record").contains("User", "Class")
                .hasSizeGreaterThan(5);
        for (String type : types) {
            assertThat(english.containsKey("audit.type." + type)).as(type).isTrue();
            assertThat(chinese.getString("audit.type." + type)).as(type).isNotEqualTo(english.getString("audit.type."
                    + type));
        }
    }

    /** The summary of the one line of a user record that the audit log view shows to a reader of the language. */
    private String summaryShownIn(Language language, String userId) {
        UI.getCurrent().setLocale(language.locale(institution.publicProfile().locale()));
        var view = navigate(AuditLogView.class);
        @SuppressWarnings("unchecked")
        ComboBox<String> type = $(ComboBox.class, view).id("audit-entity-type");
        test(type).selectItem(language == Language.SIMPLIFIED_CHINESE ? "用户" : "User");
        test($(TextField.class, view).id("audit-entity-id")).setValue(userId);
        @SuppressWarnings("unchecked")
        Grid<AuditEntry> grid = $(Grid.class, view).id("audit-grid");
        assertThat(test(grid).size()).as("lines of user " + userId).isEqualTo(1);
        assertThat(test(grid).getCellText(0, RECORD)).startsWith(language == Language.SIMPLIFIED_CHINESE ? "用户 #" : "User #");
        return test(grid).getCellText(0, SUMMARY);
    }
}
