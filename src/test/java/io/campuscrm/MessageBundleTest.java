package io.campuscrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.campuscrm.shared.audit.AuditAction;

/**
 * The message bundles hold what the code asks of them: every key the code or a report template uses is in the
 * English bundle (the complete one, which the others fall back to), no message is empty, and every other language's
 * bundle has exactly English's keys. Each check also proves it looked at something, so that a moved folder or a
 * changed call style cannot turn it into a test that passes on nothing.
 */
class MessageBundleTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path BUNDLES = Path.of("src/main/resources/vaadin-i18n");
    private static final Path ENGLISH = BUNDLES.resolve("messages.properties");
    /** {@code getTranslation("student.name")}, {@code getTranslation(ok ? "a.b" : ...)}: any key, any prefix. */
    private static final Pattern TRANSLATED = Pattern.compile("getTranslation\\(\\s*(?:[^\"()]*\\?\\s*)?\"([^\"]+)\"");
    /**
     * {@code getTranslation("audit.action." + action)}, {@code "timetable.choose." + kind}: a key made at run time,
     * whose family must at least exist (the enums' keys are checked one by one below).
     */
    private static final Pattern COMPUTED = Pattern.compile("\"([a-z][a-z0-9.-]*\\.)\"\\s*\\+");
    /** {@code @Menu(title = "nav.students")}. */
    private static final Pattern MENU_TITLE = Pattern.compile("@Menu\\([^)]*title\\s*=\\s*\"([^\"]+)\"");
    /** Any other literal that looks like a key: it counts when its prefix is one of the bundle's. */
    private static final Pattern LITERAL = Pattern.compile(
            "(?<!getProperty\\()\"([a-z][a-z0-9-]*\\.[a-z0-9._-]*[a-z0-9_-])\"");
    private static final Pattern REPORT_KEY = Pattern.compile("\\$R\\{([^}]+)}");
    /** Enums name their own messages ({@code ClassStatus.OPEN.messageKey()} is {@code class.status.open}). */
    private static final Set<String> ENUM_KEY_METHODS = Set.of("messageKey", "labelKey", "titleKey");

    @Test
    void every_key_the_code_and_the_report_templates_use_is_in_the_english_bundle() throws Exception {
        Properties english = load(ENGLISH);
        Set<String> prefixes = english.stringPropertyNames().stream().map(k -> k.substring(0, k.indexOf('.')))
                .collect(Collectors.toSet());
        Set<String> translated = new TreeSet<>();
        Set<String> computed = new TreeSet<>();
        Set<String> literals = new TreeSet<>();
        for (Path source : javaSources()) {
            String code = Files.readString(source);
            matches(TRANSLATED, code).forEach(key -> (key.endsWith(".") ? computed : translated).add(key));
            translated.addAll(matches(MENU_TITLE, code));
            matches(COMPUTED, code).stream().filter(c -> prefixes.contains(c.substring(0, c.indexOf('.'))))
                    .forEach(computed::add);
            matches(LITERAL, code).stream().filter(l -> prefixes.contains(l.substring(0, l.indexOf('.'))))
                    .forEach(literals::add);
        }
        Set<String> fromEnums = enumKeys();
        Set<String> fromReports = new TreeSet<>();
        try (Stream<Path> templates = Files.list(Path.of("reports"))) {
            for (Path template : templates.filter(p -> p.toString().endsWith(".jrxml")).toList()) {
                fromReports.addAll(matches(REPORT_KEY, Files.readString(template)));
            }
        }
        for (AuditAction action : AuditAction.values()) {
            fromEnums.add("audit.action." + action.name().toLowerCase()); // as the audit log view builds it
        }

        assertThat(translated).as("getTranslation(\"...\") and @Menu keys found in the code").hasSizeGreaterThan(300);
        assertThat(fromEnums).as("keys the enums' messageKey()/labelKey()/titleKey() give")
                .hasSizeGreaterThan(40).contains("role.admin", "class.status.open", "timetable.kind.room");
        assertThat(fromReports).as("$R{...} keys in the report templates").hasSizeGreaterThan(40);
        assertThat(computed).as("prefixes of keys made at run time").contains("audit.action.");
        Map<String, Set<String>> missing = new TreeMap<>();
        missing.put("getTranslation / @Menu", missingIn(english, translated));
        missing.put("other key-like literals", missingIn(english, literals));
        missing.put("enum keys", missingIn(english, fromEnums));
        missing.put("report templates", missingIn(english, fromReports));
        missing.put("prefixes of keys made at run time", computed.stream()
                .filter(prefix -> english.stringPropertyNames().stream().noneMatch(k -> k.startsWith(prefix)))
                .collect(Collectors.toCollection(TreeSet::new)));
        assertThat(missing).as("keys used but missing in " + ENGLISH).allSatisfy((where, keys) -> assertThat(keys)
                .as(where).isEmpty());
    }

    @Test
    void no_bundle_has_an_empty_message() throws IOException {
        List<Path> bundles = bundles();
        assertThat(bundles).as("bundles in " + BUNDLES).contains(ENGLISH);

        for (Path bundle : bundles) {
            Properties messages = load(bundle);
            assertThat(messages).as(bundle + " has messages").isNotEmpty();
            assertThat(emptyMessages(messages)).as("empty messages in " + bundle).isEmpty();
        }
    }

    @Test
    void every_other_language_translates_exactly_the_keys_english_has() throws IOException {
        Properties english = load(ENGLISH);
        assertThat(english.size()).as("messages in English").isGreaterThan(500);

        for (Path bundle : bundles().stream().filter(b -> !b.equals(ENGLISH)).toList()) {
            assertThat(differences(english, load(bundle))).as(bundle.toString()).isEmpty();
        }
    }

    /** The comparison the test above makes for each language, on a made-up bundle (there is only English today). */
    @Test
    void a_translation_missing_a_key_or_adding_one_is_reported() throws IOException {
        Properties english = parse("a.one=One\na.two=Two\n");
        Properties chinese = parse("a.one=一\na.three=三\n");

        assertThat(differences(english, chinese)).containsExactly("missing: a.two", "not in English: a.three");
        assertThat(differences(english, parse("a.one=一\na.two=二\n"))).isEmpty();
        assertThat(emptyMessages(parse("a.one=\na.two=  \na.three=三\n"))).containsExactly("a.one", "a.two");
    }

    private static List<String> differences(Properties english, Properties other) {
        List<String> differences = new ArrayList<>();
        new TreeSet<>(english.stringPropertyNames()).stream().filter(k -> !other.containsKey(k))
                .forEach(k -> differences.add("missing: " + k));
        new TreeSet<>(other.stringPropertyNames()).stream().filter(k -> !english.containsKey(k))
                .forEach(k -> differences.add("not in English: " + k));
        return differences;
    }

    private static List<String> emptyMessages(Properties messages) {
        return new TreeSet<>(messages.stringPropertyNames()).stream()
                .filter(k -> messages.getProperty(k).isBlank()).toList();
    }

    private static Set<String> missingIn(Properties bundle, Set<String> keys) {
        return keys.stream().filter(k -> !bundle.containsKey(k)).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> matches(Pattern pattern, String text) {
        return pattern.matcher(text).results().map(m -> m.group(1)).toList();
    }

    /** Every constant of every enum in the main code that names its message through one of the key methods. */
    private static Set<String> enumKeys() throws IOException, ReflectiveOperationException {
        Set<String> keys = new TreeSet<>();
        for (Path source : javaSources()) {
            String name = SOURCES.relativize(source).toString().replace('/', '.').replaceAll("\\.java$", "");
            if (!name.endsWith("package-info")) {
                collectEnumKeys(Class.forName(name, false, MessageBundleTest.class.getClassLoader()), keys);
            }
        }
        return keys;
    }

    private static void collectEnumKeys(Class<?> type, Set<String> keys) throws ReflectiveOperationException {
        if (type.isEnum()) {
            for (Method method : type.getDeclaredMethods()) {
                if (ENUM_KEY_METHODS.contains(method.getName()) && method.getParameterCount() == 0
                        && method.getReturnType() == String.class) {
                    method.setAccessible(true);
                    for (Object constant : type.getEnumConstants()) {
                        keys.add((String) method.invoke(constant));
                    }
                }
            }
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            collectEnumKeys(nested, keys);
        }
    }

    private static List<Path> javaSources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }

    private static List<Path> bundles() throws IOException {
        try (Stream<Path> files = Files.list(BUNDLES)) {
            return files.filter(p -> p.getFileName().toString().matches("messages(_.+)?\\.properties")).sorted()
                    .toList();
        }
    }

    private static Properties load(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader);
        }
    }

    private static Properties parse(String text) throws IOException {
        return parse(new StringReader(text));
    }

    private static Properties parse(Reader reader) throws IOException {
        var properties = new Properties();
        properties.load(reader);
        return properties;
    }
}
