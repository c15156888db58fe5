package io.campuscrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.security.access.prepost.PostAuthorize;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Every public method of every application service states who may call it, and the rules are the ones written down
 * in {@code authorization-rules.txt} (a reviewed table: a changed or new rule fails here until the table says so).
 * "Any signed-in user" ({@code isAuthenticated()}) is a rule only for what every user needs whatever their role:
 * the institution's settings and campuses, colleagues' names, their own password, and the reports catalogue, whose
 * methods check each report's roles themselves; nothing else is open, and data of a role-limited kind never is.
 */
class ServiceAuthorizationTest {

    private static final String TABLE = "authorization-rules.txt";

    /** The only methods that may be open to any signed-in user, and why. */
    private static final Map<String, String> FOR_EVERY_USER = Map.ofEntries(
            Map.entry("InstitutionService.settings()", "name, zone, locale, currency: every screen formats with them"),
            Map.entry("InstitutionService.publicProfile()", "the school's name on the sign-in page, before sign-in"),
            Map.entry("InstitutionService.campuses()", "campus names for pickers and labels"),
            Map.entry("InstitutionService.campusesById(Collection)", "campus names for labels"),
            Map.entry("UserService.displayNames(Collection)", "who changed what, in every list"),
            Map.entry("UserService.colleagues(Role,String,Pageable)", "names of colleagues for pickers"),
            Map.entry("UserService.changeOwnPassword(String,String)", "one's own password"),
            Map.entry("UserService.changeOwnLanguage(Language)", "one's own language"),
            Map.entry("UserService.ownLanguage()", "one's own language"),
            Map.entry("ReportService.availableReports()", "filters the catalogue by the user's roles"),
            Map.entry("ReportService.choices(String,String,String,Pageable)", "checks the report's roles"),
            Map.entry("ReportService.choice(String,String,String)", "checks the report's roles"),
            Map.entry("ReportService.fileName(String,ReportFormat)", "checks the report's roles"),
            Map.entry("ReportService.render(ReportRequest,OutputStream)", "checks the report's roles"),
            Map.entry("ReportService.render(String,ReportFormat,Locale,OutputStream)", "checks the report's roles"),
            Map.entry("ReportService.start(ReportRequest)", "checks the report's roles"));

    @Test
    void every_public_service_method_carries_the_rule_the_table_gives_it() throws Exception {
        Map<String, String> actual = actualRules();
        assertThat(actual).as("application service methods found").hasSizeGreaterThan(80);
        Path written = Path.of("target", TABLE);
        Files.createDirectories(written.getParent());
        Files.writeString(written, format(actual), StandardCharsets.UTF_8);

        assertThat(actual).as("service methods without an authorization rule").doesNotContainValue("NONE");
        assertThat(format(actual)).as("the rules, against src/test/resources/" + TABLE + " (the actual table is in "
                + written + ")").isEqualTo(format(expectedRules()));
    }

    @Test
    void only_what_every_user_needs_is_open_to_any_signed_in_user() throws Exception {
        var open = actualRules().entrySet().stream()
                .filter(e -> e.getValue().contains("isAuthenticated()") || e.getValue().contains("permitAll"))
                .map(Map.Entry::getKey).toList();
        assertThat(open).as("methods open to any signed-in user").isNotEmpty()
                .containsExactlyInAnyOrderElementsOf(FOR_EVERY_USER.keySet());
    }

    @Test
    void the_table_check_fails_on_a_rule_that_differs_from_the_table() throws Exception {
        var changed = new TreeMap<>(expectedRules());
        changed.put("ClassLifecycle.create(ClassDraft)", "hasRole('TEACHER')");
        assertThat(format(changed)).isNotEqualTo(format(actualRules()));
    }

    private static Map<String, String> actualRules() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Service.class));
        Map<String, String> rules = new TreeMap<>();
        for (var candidate : scanner.findCandidateComponents("io.campuscrm")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            for (Method method : type.getDeclaredMethods()) {
                if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic()) {
                    rules.put(signature(type, method), rule(method));
                }
            }
        }
        return rules;
    }

    private static String signature(Class<?> type, Method method) {
        return type.getSimpleName() + "." + method.getName() + "(" + Arrays.stream(method.getParameterTypes())
                .map(Class::getSimpleName).collect(Collectors.joining(",")) + ")";
    }

    /**
     * Only the annotations Spring enforces here count: {@code @Secured} and the JSR-250 ones ({@code @RolesAllowed},
     * {@code @PermitAll}) are not enabled for method security (they guard views, through Vaadin's navigation access
     * control), so on a service they would protect nothing and the method counts as unguarded.
     */
    private static String rule(Method method) {
        if (method.isAnnotationPresent(PreAuthorize.class)) {
            return method.getAnnotation(PreAuthorize.class).value();
        }
        if (method.isAnnotationPresent(PostAuthorize.class)) {
            return "post: " + method.getAnnotation(PostAuthorize.class).value();
        }
        return "NONE";
    }

    private static Map<String, String> expectedRules() throws IOException {
        Map<String, String> rules = new TreeMap<>();
        String text = new ClassPathResource(TABLE).getContentAsString(StandardCharsets.UTF_8);
        for (String line : text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            int eq = line.indexOf(" = ");
            rules.put(line.substring(0, eq), line.substring(eq + 3));
        }
        return rules;
    }

    private static String format(Map<String, String> rules) {
        return rules.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
    }
}
