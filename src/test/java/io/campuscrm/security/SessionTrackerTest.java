package io.campuscrm.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;

import io.campuscrm.security.internal.SessionTracker;
import jakarta.servlet.http.HttpSessionEvent;

/** Ending a user's sessions (on disable, password reset, role change) ends theirs and nobody else's. */
class SessionTrackerTest {

    private final SessionTracker tracker = new SessionTracker();

    @Test
    void ending_a_users_sessions_invalidates_only_theirs() {
        var first = signedIn("grace");
        var second = signedIn("GRACE");
        var other = signedIn("daniel");
        var anonymous = new MockHttpSession();
        tracker.sessionCreated(new HttpSessionEvent(anonymous));

        assertThat(tracker.endSessionsOf("grace")).isEqualTo(2);

        assertThat(List.of(first.isInvalid(), second.isInvalid(), other.isInvalid(), anonymous.isInvalid()))
                .containsExactly(true, true, false, false);
    }

    @Test
    void a_session_whose_id_changed_at_login_is_still_found() {
        var session = signedIn("priya");
        tracker.sessionIdChanged(new HttpSessionEvent(session), "old-id");
        assertThat(tracker.endSessionsOf("priya")).isEqualTo(1);
        assertThat(session.isInvalid()).isTrue();
    }

    private MockHttpSession signedIn(String username) {
        var session = new MockHttpSession();
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
                new SecurityContextImpl(UsernamePasswordAuthenticationToken.authenticated(username, null, List.of())));
        tracker.sessionCreated(new HttpSessionEvent(session));
        return session;
    }
}
