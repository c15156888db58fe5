package io.campuscrm.security.internal;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Slice;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

import io.campuscrm.shared.security.Role;

/**
 * Usernames are compared as the column is, case- and accent-insensitively (utf8mb4_uca1400_ai_ci, pinned in V22):
 * {@code username = :username} finds "Admin" for "admin" and uses the unique index, where {@code lower(...)} or
 * Spring Data's {@code IgnoreCase} (upper on both sides) would read the whole table on every sign-in.
 */
public interface UserRepository extends JpaRepository<UserEntity, Long> {

    Optional<UserEntity> findByUsername(String username);

    /** Pairs of id and display name. */
    @Query("select u.id, u.displayName from UserEntity u where u.id in :ids")
    List<Object[]> displayNames(Collection<Long> ids);

    boolean existsByUsername(String username);

    /** The enabled users with these usernames, with their roles and campuses: one statement. */
    @Query("""
            select distinct u from UserEntity u left join fetch u.roles left join fetch u.campusIds
            where u.username in :usernames and u.enabled = true
            """)
    List<UserEntity> findEnabledWithRolesAndCampuses(Collection<String> usernames);

    /** The enabled users holding this role, with their roles and campuses, by id: one statement. */
    @Query("""
            select distinct u from UserEntity u left join fetch u.roles left join fetch u.campusIds
            where u.enabled = true and :role member of u.roles
            order by u.id
            """)
    List<UserEntity> findEnabledWithRole(Role role);

    long countByEnabled(boolean enabled);

    @Query("select count(u) from UserEntity u where u.lockedUntil > :now")
    long countLocked(Instant now);

    /** {@code text} is a lower-case {@code LIKE} pattern over username, name and e-mail. */
    @Query("""
            select u from UserEntity u
            where (:text is null or lower(u.username) like :text or lower(u.displayName) like :text
                   or lower(u.email) like :text)
              and (:role is null or :role member of u.roles)
              and (:enabled is null or u.enabled = :enabled)
            """)
    Slice<UserEntity> search(@Nullable String text, @Nullable Role role, @Nullable Boolean enabled, Pageable page);

    /** Enabled users with an address and one of these roles who asked for the daily e-mail of their follow-ups. */
    @Query("""
            select distinct u from UserEntity u join u.roles r
            where u.enabled = true and u.followUpDigest = true and u.email <> '' and r in :roles
            order by u.id
            """)
    List<UserEntity> followUpDigestRecipients(Collection<Role> roles);

    @Query("""
            select count(u) from UserEntity u
            where u.enabled = true and u.id <> :exceptId and :role member of u.roles
            """)
    long countOtherActiveWithRole(Role role, long exceptId);

    /** Counts a failed login in one statement, so concurrent attempts cannot lose a count. */
    @Modifying
    @Query("update UserEntity u set u.failedLogins = u.failedLogins + 1 where u.username = :username")
    int incrementFailedLogins(String username);

    @Query("select u.failedLogins from UserEntity u where u.username = :username")
    Optional<Integer> failedLogins(String username);

    @Modifying
    @Query("""
            update UserEntity u set u.failedLogins = 0, u.lockedUntil = :until
            where u.username = :username
            """)
    int lock(String username, Instant until);

    @Modifying
    @Query("""
            update UserEntity u set u.failedLogins = 0, u.lockedUntil = null, u.lastLoginAt = :now
            where u.username = :username
            """)
    int recordSuccessfulLogin(String username, Instant now);
}
