package io.campuscrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.security.Role;

/**
 * Every message key the code or a report template uses exists in the English bundle, and every other language
 * bundle has no key English lacks. A key is any string literal that starts with one of the bundle's key prefixes.
 */
class MessageBundleTest {

    private static final Path BUNDLES = Path.of("src/main/resources/vaadin-i18n");
    private static final Pattern LITERAL = Pattern.compile("(?<!getProperty\\()\"([a-z][a-z0-9-]*\\.[a-z0-9._-]*[a-z0-9_-])\"");
    private static final Pattern REPORT_KEY = Pattern.compile("\\$R\\{([^}]+)}");

    @Test
    void every_key_used_in_code_and_reports_is_in_the_english_bundle() throws IOException {
        Properties english = load(BUNDLES.resolve("messages.properties"));
        Set<String> prefixes = english.stringPropertyNames().stream().map(k -> k.substring(0, k.indexOf('.')))
                .collect(Collectors.toSet());
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                var matcher = LITERAL.matcher(Files.readString(source));
                while (matcher.find()) {
                    String literal = matcher.group(1);
                    if (prefixes.contains(literal.substring(0, literal.indexOf('.')))) {
                        used.add(literal);
                    }
                }
            }
        }
        try (Stream<Path> templates = Files.list(Path.of("reports"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".jrxml")).toList()) {
                var matcher = REPORT_KEY.matcher(Files.readString(template));
                while (matcher.find()) {
                    used.add(matcher.group(1));
                }
            }
        }
        for (Role role : Role.values()) {
            used.add(role.messageKey());
        }
        for (AuditAction action : AuditAction.values()) {
            used.add("audit.action." + action.name().toLowerCase());
        }
        assertThat(used).as("keys found in code").hasSizeGreaterThan(100);
        assertThat(used.stream().filter(k -> !english.containsKey(k)).toList()).as("keys missing in English")
                .isEmpty();
    }

    @Test
    void other_language_bundles_only_translate_keys_english_has() throws IOException {
        Properties english = load(BUNDLES.resolve("messages.properties"));
        try (Stream<Path> bundles = Files.list(BUNDLES)) {
            for (Path bundle : bundles.filter(p -> p.getFileName().toString().startsWith("messages_")).toList()) {
                Properties other = load(bundle);
                assertThat(other.stringPropertyNames()).as(bundle.toString())
                        .allMatch(english::containsKey);
            }
        }
    }

    private static Properties load(Path file) throws IOException {
        var properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }
}
