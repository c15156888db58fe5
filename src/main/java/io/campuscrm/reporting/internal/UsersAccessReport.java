package io.campuscrm.reporting.internal;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.time.Clock;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import io.campuscrm.institution.Campus;
import io.campuscrm.institution.InstitutionService;
import io.campuscrm.reporting.ReportInfo;
import io.campuscrm.reporting.ReportRequest;
import io.campuscrm.security.UserAccount;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.i18n.Lists;
import io.campuscrm.shared.security.Role;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/** "Users and access rights": every user with roles, campuses, last login and whether locked or disabled. */
@Component
class UsersAccessReport implements ReportDefinition {

    private final UserService users;
    private final InstitutionService institution;
    private final MessageSource messages;
    private final Clock clock;

    UsersAccessReport(UserService users, InstitutionService institution, MessageSource messages, Clock clock) {
        this.users = users;
        this.institution = institution;
        this.messages = messages;
        this.clock = clock;
    }

    @Override
    public ReportInfo info() {
        return new ReportInfo("users-access", "report.users.title", "report.users.description");
    }

    @Override
    public String template() {
        return "users-access";
    }

    @Override
    public Set<Role> allowedRoles() {
        return Set.of(Role.ADMIN);
    }

    @Override
    public JRDataSource fill(ReportRequest request, Map<String, Object> parameters) {
        Locale locale = request.locale();
        var zone = institution.settings().timeZone();
        Map<Long, String> campusNames = institution.campuses().stream()
                .collect(Collectors.toMap(Campus::id, Campus::name));
        var dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale);
        var now = clock.instant();
        List<Map<String, ?>> rows = new ArrayList<>();
        for (UserAccount user : users.allUsers()) {
            Map<String, Object> row = new HashMap<>();
            row.put("username", user.username());
            row.put("displayName", user.displayName());
            row.put("email", user.email());
            row.put("roles", Lists.join(locale, user.roles().stream().map(r -> text(r.messageKey(), locale))
                    .sorted().toList()));
            row.put("campuses", user.campusIds().isEmpty() ? text("report.users.all-campuses", locale)
                    : Lists.join(locale, user.campusIds().stream().map(id -> campusNames.getOrDefault(id, "#" + id))
                            .sorted().toList()));
            row.put("lastLogin", user.lastLoginAt() == null ? text("report.users.never", locale)
                    : dates.format(user.lastLoginAt().atZone(zone)));
            row.put("status", text(!user.enabled() ? "users.status.disabled"
                    : user.lockedAt(now) ? "users.status.locked" : "users.status.enabled", locale));
            rows.add(row);
        }
        return new JRMapCollectionDataSource(rows);
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}
