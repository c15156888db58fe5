package io.campuscrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.access.annotation.Secured;
import org.springframework.security.access.prepost.PostAuthorize;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

/** Every public method of every application service states who may call it. */
class ServiceAuthorizationTest {

    @Test
    void every_public_service_method_carries_an_authorization_rule() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Service.class));
        var services = scanner.findCandidateComponents("io.campuscrm");
        assertThat(services).as("application services found").hasSizeGreaterThanOrEqualTo(4);
        List<String> unguarded = new ArrayList<>();
        for (var candidate : services) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic() && !guarded(method)) {
                    unguarded.add(type.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertThat(unguarded).as("service methods without an authorization rule").isEmpty();
    }

    private static boolean guarded(Method method) {
        return method.isAnnotationPresent(PreAuthorize.class) || method.isAnnotationPresent(PostAuthorize.class)
                || method.isAnnotationPresent(Secured.class) || method.isAnnotationPresent(RolesAllowed.class)
                || method.isAnnotationPresent(PermitAll.class) || method.isAnnotationPresent(DenyAll.class);
    }
}
