package io.campuscrm.security.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

import org.hibernate.annotations.BatchSize;
import org.jspecify.annotations.Nullable;

import io.campuscrm.security.UserAccount;
import io.campuscrm.security.UserDraft;
import io.campuscrm.shared.domain.AbstractEntity;
import io.campuscrm.shared.i18n.Language;
import io.campuscrm.shared.security.Role;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

@Entity
@Table(name = "app_user")
public class UserEntity extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(nullable = false, updatable = false)
    private String username;
    @Column(name = "display_name", nullable = false)
    private String displayName;
    @Column(nullable = false)
    private String email = "";
    /** A {@link Language} tag; null follows the institution's locale. */
    private @Nullable String language;
    @Column(name = "password_hash", nullable = false)
    private String passwordHash;
    private boolean enabled = true;
    @Column(name = "failed_logins", nullable = false)
    private int failedLogins;
    @Column(name = "locked_until")
    private @Nullable Instant lockedUntil;
    @Column(name = "last_login_at")
    private @Nullable Instant lastLoginAt;
    @Column(name = "password_changed_at")
    private @Nullable Instant passwordChangedAt;
    /** Whether the user asked for the daily e-mail of their due follow-ups (admissions). */
    @Column(name = "follow_up_digest", nullable = false)
    private boolean followUpDigest;

    @ElementCollection
    @CollectionTable(name = "app_user_role", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    @BatchSize(size = 100)
    private Set<Role> roles = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "app_user_campus", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "campus_id")
    @BatchSize(size = 100)
    private Set<Long> campusIds = new HashSet<>();

    protected UserEntity() {
    }

    public UserEntity(String username, String passwordHash, Instant now) {
        this.username = username;
        this.displayName = username;
        this.passwordHash = passwordHash;
        this.passwordChangedAt = now;
    }

    public void apply(UserDraft draft) {
        displayName = draft.displayName().strip();
        email = draft.email() == null ? "" : draft.email().strip().toLowerCase(Locale.ROOT);
        roles.clear();
        roles.addAll(draft.roles());
        campusIds.clear();
        if (draft.campusIds() != null) {
            campusIds.addAll(draft.campusIds());
        }
        setLanguage(draft.language());
    }

    public @Nullable Language getLanguage() {
        return Language.ofTag(language).orElse(null);
    }

    public void setLanguage(@Nullable Language language) {
        this.language = language == null ? null : language.tag();
    }

    public UserAccount toAccount() {
        return new UserAccount(id, username, displayName, email,
                roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles)), Set.copyOf(campusIds), enabled,
                lockedUntil, lastLoginAt, getVersion(), getLanguage());
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public @Nullable Instant getLockedUntil() {
        return lockedUntil;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public Set<Long> getCampusIds() {
        return campusIds;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean wantsFollowUpDigest() {
        return followUpDigest;
    }

    public void setFollowUpDigest(boolean wanted) {
        this.followUpDigest = wanted;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public void changePassword(String newHash, Instant now) {
        passwordHash = newHash;
        passwordChangedAt = now;
        unlock();
    }

    public void unlock() {
        failedLogins = 0;
        lockedUntil = null;
    }
}
