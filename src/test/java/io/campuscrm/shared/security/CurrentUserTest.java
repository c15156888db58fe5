package io.campuscrm.shared.security;

import static io.campuscrm.support.TestPrincipals.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

class CurrentUserTest {

    private final CurrentUser currentUser = new CurrentUser();

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void no_authentication_reaches_nothing() {
        assertThat(currentUser.scope()).isEqualTo(AccessScope.NOTHING);
    }

    @Test
    void an_authentication_that_is_not_a_campus_user_reaches_nothing_whatever_roles_it_claims() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                "api-token", null, List.of(new SimpleGrantedAuthority("ROLE_TEACHER"),
                        new SimpleGrantedAuthority("ROLE_ADMIN"))));
        assertThat(currentUser.scope().seesNothing()).isTrue();
    }

    @Test
    void the_system_authority_is_needed_for_the_system_not_its_name_alone() {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                SystemAuthentication.SYSTEM, null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
        assertThat(currentUser.scope()).isEqualTo(AccessScope.NOTHING);

        assertThat(SystemAuthentication.call(currentUser::scope)).isEqualTo(AccessScope.EVERYTHING);
    }

    @Test
    void an_unauthenticated_token_reaches_nothing_even_with_a_campus_principal() {
        var token = new TestingAuthenticationToken(user(1, Set.of(), Role.ADMIN), null, "ROLE_ADMIN");
        token.setAuthenticated(false);
        SecurityContextHolder.getContext().setAuthentication(token);
        assertThat(currentUser.scope()).isEqualTo(AccessScope.NOTHING);
    }

    @Test
    void office_roles_reach_their_campuses_and_a_teacher_only_the_classes_they_teach() {
        assertThat(CurrentUser.scopeOf(user(1, Set.of(), Role.ADMIN))).isEqualTo(AccessScope.EVERYTHING);
        var admissions = CurrentUser.scopeOf(user(2, Set.of(10L), Role.ADMISSIONS, Role.TEACHER));
        assertThat(admissions.seesCampus(10)).isTrue();
        assertThat(admissions.seesCampus(11)).isFalse();
        assertThat(admissions.seesClass(11, Set.of(2L))).as("campus limits office work").isFalse();
        var teacher = CurrentUser.scopeOf(user(3, Set.of(10L), Role.TEACHER));
        assertThat(teacher.seesCampus(10)).as("a teacher reaches classes, not campuses").isFalse();
        assertThat(teacher.seesClass(11, Set.of(3L, 4L))).isTrue();
        assertThat(teacher.seesClass(10, Set.of(4L))).isFalse();
        assertThat(CurrentUser.scopeOf(user(4, Set.of()))).isEqualTo(AccessScope.NOTHING);
    }
}
