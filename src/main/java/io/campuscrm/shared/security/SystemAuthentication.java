package io.campuscrm.shared.security;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Runs work that no signed-in user started (start-up tasks, demo data, scheduled jobs) as the system, which holds
 * every role. The audit log records it as {@value #SYSTEM}.
 */
public final class SystemAuthentication {

    public static final String SYSTEM = "system";
    /** The authority only the system holds; access scope keys on it (never on the absence of a user). */
    public static final String AUTHORITY = "ROLE_SYSTEM";

    private SystemAuthentication() {
    }

    public static <T> T call(Supplier<T> work) {
        var context = SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        var system = UsernamePasswordAuthenticationToken.authenticated(SYSTEM, null, List.of(
                new SimpleGrantedAuthority("ROLE_ADMIN"), new SimpleGrantedAuthority("ROLE_ADMISSIONS"),
                new SimpleGrantedAuthority("ROLE_TEACHER"), new SimpleGrantedAuthority("ROLE_FINANCE"),
                new SimpleGrantedAuthority(AUTHORITY)));
        var newContext = SecurityContextHolder.createEmptyContext();
        newContext.setAuthentication(system);
        SecurityContextHolder.setContext(newContext);
        try {
            return work.get();
        } finally {
            var restored = SecurityContextHolder.createEmptyContext();
            restored.setAuthentication(previous);
            SecurityContextHolder.setContext(restored);
        }
    }

    /** Whether the authentication is the system's own (made here, with the system authority). */
    public static boolean isSystem(Authentication authentication) {
        return SYSTEM.equals(authentication.getName()) && authentication.getAuthorities().stream()
                .anyMatch(a -> AUTHORITY.equals(a.getAuthority()));
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }
}
