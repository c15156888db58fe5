package io.campuscrm.security;

import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.domain.Sort;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;

import io.campuscrm.security.internal.PasswordPolicy;
import io.campuscrm.security.internal.SessionTracker;
import io.campuscrm.security.internal.UserEntity;
import io.campuscrm.security.internal.UserRepository;
import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.audit.AuditEvent;
import io.campuscrm.shared.audit.AuditSummary;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.domain.NotFoundException;
import io.campuscrm.shared.i18n.Language;
import io.campuscrm.shared.security.CurrentUser;
import io.campuscrm.shared.security.Role;

import jakarta.validation.Valid;

/**
 * Administers users: create, change roles and campuses, disable, reset passwords, unlock. Disabling a user,
 * resetting their password or changing their roles ends their open sessions.
 */
@Service
@Validated
@Transactional(readOnly = true)
public class UserService {

    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final PasswordPolicy passwordPolicy;
    private final SessionTracker sessions;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    UserService(UserRepository users, PasswordEncoder passwordEncoder, PasswordPolicy passwordPolicy,
            SessionTracker sessions, CurrentUser currentUser, ApplicationEventPublisher events, Clock clock) {
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.passwordPolicy = passwordPolicy;
        this.sessions = sessions;
        this.currentUser = currentUser;
        this.events = events;
        this.clock = clock;
    }

    @PreAuthorize("hasRole('ADMIN')")
    public Slice<UserAccount> findUsers(UserFilter filter, Pageable page) {
        String text = StringUtils.hasText(filter.text())
                ? "%" + filter.text().strip().toLowerCase(Locale.ROOT) + "%" : null;
        return users.search(text, filter.role(), filter.enabled(), page).map(UserEntity::toAccount);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public UserAccount get(long id) {
        return load(id).toAccount();
    }

    /**
     * Display names by user id, for showing who teaches a class or owns a record: colleagues' names are no secret
     * to anyone signed in. Unknown ids are left out.
     */
    @PreAuthorize("isAuthenticated()")
    public Map<Long, String> displayNames(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return users.displayNames(Set.copyOf(ids)).stream()
                .collect(Collectors.toMap(row -> (Long) row[0], row -> (String) row[1]));
    }

    /**
     * Enabled users with a role whose name or username matches {@code text} (any when blank), by name, for pickers
     * such as whose timetable to show: like {@link #displayNames}, no secret to anyone signed in.
     */
    @PreAuthorize("isAuthenticated()")
    public Slice<Colleague> colleagues(Role role, @Nullable String text, Pageable page) {
        String pattern = StringUtils.hasText(text) ? "%" + text.strip().toLowerCase(Locale.ROOT) + "%" : null;
        var sorted = PageRequest.of(page.getPageNumber(), page.getPageSize(), Sort.by("displayName", "id"));
        return users.search(pattern, role, true, sorted).map(u -> new Colleague(u.getId(), u.getDisplayName()));
    }

    /**
     * Whether the user may be given work at the campus in one of these roles (a lead to follow up): enabled, holding
     * one of them, and working at the campus (a user without campuses works at all); an unknown id answers false.
     * For the office, who hands out such work.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'ADMISSIONS')")
    public boolean worksAt(long userId, Collection<Role> roles, long campusId) {
        return users.findById(userId).filter(UserEntity::isEnabled)
                .filter(u -> u.getRoles().stream().anyMatch(roles::contains))
                .filter(u -> u.getCampusIds().isEmpty() || u.getCampusIds().contains(campusId)).isPresent();
    }

    /**
     * The enabled users with these usernames (compared as sign-in does, without case), by their lower-case username,
     * with what {@link #worksAt} checks: one statement for a whole file of leads naming their owners. Unknown or
     * disabled usernames are left out. For the office, who hands out work.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'ADMISSIONS')")
    public Map<String, Assignee> assignees(Collection<String> usernames) {
        var wanted = usernames.stream().filter(StringUtils::hasText).map(String::strip).collect(Collectors.toSet());
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return users.findEnabledWithRolesAndCampuses(wanted).stream().collect(Collectors.toMap(
                u -> u.getUsername().toLowerCase(Locale.ROOT), u -> new Assignee(u.getId(), u.getUsername(),
                        u.getDisplayName(), u.getRoles(), u.getCampusIds()), (a, b) -> a));
    }

    /**
     * The enabled users with this role who work at the campus (a user without campuses works at all), by id, with
     * their roles and campuses: one statement. Who takes a campus's new leads in turn, and its team's screen.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'ADMISSIONS')")
    public List<Assignee> workingAt(Role role, long campusId) {
        return users.findEnabledWithRole(role).stream()
                .filter(u -> u.getCampusIds().isEmpty() || u.getCampusIds().contains(campusId))
                .map(u -> new Assignee(u.getId(), u.getUsername(), u.getDisplayName(), u.getRoles(),
                        u.getCampusIds()))
                .toList();
    }

    /** Every user by username, for the access-rights report: an institution has hundreds, not millions. */
    @PreAuthorize("hasRole('ADMIN')")
    public List<UserAccount> allUsers() {
        return users.findAll(Sort.by("username")).stream().map(UserEntity::toAccount).toList();
    }

    /** How many accounts may sign in: one query, for the set-up checklist. */
    @PreAuthorize("hasRole('ADMIN')")
    public long activeCount() {
        return users.countByEnabled(true);
    }

    @PreAuthorize("hasRole('ADMIN')")
    public UserStats stats() {
        return new UserStats(users.count(), users.countByEnabled(true), users.countByEnabled(false),
                users.countLocked(clock.instant()));
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public UserAccount create(@Valid UserDraft draft, String initialPassword) {
        String username = draft.username().strip();
        if (users.existsByUsername(username)) {
            throw new DomainException("username", "user.error.duplicate-username", username);
        }
        passwordPolicy.check(username, initialPassword);
        var entity = new UserEntity(username, passwordEncoder.encode(initialPassword), clock.instant());
        entity.apply(draft);
        var saved = users.saveAndFlush(entity).toAccount();
        events.publishEvent(AuditEvent.created("User", saved.id(), AuditSummary.of("audit.user.created", username),
                snapshot(draft)));
        return saved;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public UserAccount update(long id, long version, @Valid UserDraft draft) {
        var entity = load(id);
        entity.checkVersion(version);
        var before = entity.toAccount();
        if (before.roles().contains(Role.ADMIN) && !draft.roles().contains(Role.ADMIN)) {
            requireAnotherActiveAdmin(id, "roles");
        }
        entity.apply(draft);
        var saved = users.saveAndFlush(entity).toAccount();
        events.publishEvent(AuditEvent.updated("User", id, AuditSummary.of("audit.user.changed", saved.username()),
                snapshot(before), snapshot(saved)));
        if (!before.roles().equals(saved.roles())) {
            sessions.endSessionsOf(saved.username());
        }
        return saved;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public UserAccount setEnabled(long id, boolean enabled) {
        var entity = load(id);
        if (!enabled) {
            if (entity.getUsername().equalsIgnoreCase(currentUser.username())) {
                throw new DomainException(null, "user.error.disable-self");
            }
            if (entity.hasRole(Role.ADMIN)) {
                requireAnotherActiveAdmin(id, null);
            }
        }
        entity.setEnabled(enabled);
        var saved = users.saveAndFlush(entity).toAccount();
        events.publishEvent(AuditEvent.of(AuditAction.UPDATE, "User", id,
                AuditSummary.of(enabled ? "audit.user.enabled" : "audit.user.disabled", saved.username())));
        if (!enabled) {
            sessions.endSessionsOf(saved.username());
        }
        return saved;
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void resetPassword(long id, String newPassword) {
        var entity = load(id);
        passwordPolicy.check(entity.getUsername(), newPassword);
        entity.changePassword(passwordEncoder.encode(newPassword), clock.instant());
        users.saveAndFlush(entity);
        events.publishEvent(AuditEvent.of(AuditAction.UPDATE, "User", id,
                AuditSummary.of("audit.user.password-reset", entity.getUsername())));
        sessions.endSessionsOf(entity.getUsername());
    }

    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public UserAccount unlock(long id) {
        var entity = load(id);
        entity.unlock();
        var saved = users.saveAndFlush(entity).toAccount();
        events.publishEvent(AuditEvent.of(AuditAction.UPDATE, "User", id,
                AuditSummary.of("audit.user.unlocked", saved.username())));
        return saved;
    }

    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void changeOwnPassword(String currentPassword, String newPassword) {
        var entity = users.findByUsername(currentUser.username())
                .orElseThrow(() -> new NotFoundException());
        if (!passwordEncoder.matches(currentPassword, entity.getPasswordHash())) {
            throw new DomainException("currentPassword", "user.error.wrong-password");
        }
        passwordPolicy.check(entity.getUsername(), newPassword);
        entity.changePassword(passwordEncoder.encode(newPassword), clock.instant());
        users.saveAndFlush(entity);
        events.publishEvent(AuditEvent.of(AuditAction.UPDATE, "User", entity.getId(),
                AuditSummary.of("audit.user.own-password-changed")));
    }

    /**
     * The signed-in user's own language (null: the institution's). Screens opened from now on use it; the caller
     * switches the screen it is on.
     */
    @PreAuthorize("isAuthenticated()")
    @Transactional
    public void changeOwnLanguage(@Nullable Language language) {
        var entity = users.findByUsername(currentUser.username()).orElseThrow(() -> new NotFoundException());
        entity.setLanguage(language);
        users.saveAndFlush(entity);
        events.publishEvent(AuditEvent.of(AuditAction.UPDATE, "User", entity.getId(),
                AuditSummary.of("audit.user.own-language-changed", language == null
                        ? AuditSummary.key("audit.user.own-language-institution") : language.tag())));
    }

    /** The signed-in user's language now (it may have changed since they signed in, in another session). */
    @PreAuthorize("isAuthenticated()")
    public @Nullable Language ownLanguage() {
        return users.findByUsername(currentUser.username()).map(UserEntity::getLanguage).orElse(null);
    }

    /** Whether the signed-in user gets the daily e-mail of their due follow-ups (for those who own leads). */
    @PreAuthorize("hasAnyRole('ADMIN', 'ADMISSIONS')")
    public boolean ownFollowUpDigest() {
        return users.findByUsername(currentUser.username()).map(UserEntity::wantsFollowUpDigest).orElse(false);
    }

    /**
     * Turns the signed-in user's daily e-mail of their due follow-ups on or off: their own choice of what reaches
     * their inbox, as their language is.
     */
    @PreAuthorize("hasAnyRole('ADMIN', 'ADMISSIONS')")
    @Transactional
    public void changeOwnFollowUpDigest(boolean wanted) {
        var entity = users.findByUsername(currentUser.username()).orElseThrow(() -> new NotFoundException());
        if (entity.wantsFollowUpDigest() == wanted) {
            return;
        }
        entity.setFollowUpDigest(wanted);
        users.saveAndFlush(entity);
        events.publishEvent(AuditEvent.of(AuditAction.UPDATE, "User", entity.getId(),
                AuditSummary.of(wanted ? "account.digest.audit-on" : "account.digest.audit-off")));
    }

    /**
     * Who gets the daily e-mail of their due follow-ups: the enabled users with an e-mail address and one of these
     * roles who asked for it, with their language and campuses. One query and the batched roles and campuses, for
     * the system's job.
     */
    @PreAuthorize("hasRole('ADMIN')")
    public List<UserAccount> followUpDigestRecipients(Collection<Role> roles) {
        if (roles.isEmpty()) {
            return List.of();
        }
        return users.followUpDigestRecipients(Set.copyOf(roles)).stream().map(UserEntity::toAccount).toList();
    }

    private void requireAnotherActiveAdmin(long exceptId, String field) {
        if (users.countOtherActiveWithRole(Role.ADMIN, exceptId) == 0) {
            throw new DomainException(field, "user.error.last-admin");
        }
    }

    private UserEntity load(long id) {
        return users.findById(id).orElseThrow(() -> new NotFoundException());
    }

    /** The fields an audit entry compares. */
    private record Snapshot(String displayName, String email, Set<Role> roles, Set<Long> campusIds) {
    }

    private static Snapshot snapshot(UserDraft d) {
        return new Snapshot(d.displayName(), d.email(), EnumSet.copyOf(d.roles()), new HashSet<>(d.campusIds()));
    }

    private static Snapshot snapshot(UserAccount a) {
        return new Snapshot(a.displayName(), a.email(), a.roles().isEmpty() ? Set.of() : EnumSet.copyOf(a.roles()),
                a.campusIds());
    }
}
