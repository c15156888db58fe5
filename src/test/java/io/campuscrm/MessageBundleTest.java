package io.campuscrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.campuscrm.shared.audit.AuditAction;
import io.campuscrm.shared.i18n.Language;
import io.campuscrm.shared.i18n.LanguageMessageSource;

/**
 * The message bundles hold what the code asks of them: every key the code or a report template uses is in the
 * English bundle (the complete one, which the others fall back to), no message is empty, and every other language's
 * bundle has exactly English's keys. A translation cannot drift from English either: there is one (Simplified
 * Chinese), no message of it is still in English unless its key is in {@link #SAME_IN_EVERY_LANGUAGE}, each of its
 * messages takes the same arguments as English's, and every message of every bundle is a pattern
 * {@link MessageFormat} reads as meant. Each check also proves it looked at something, so that a moved folder or a
 * changed call style cannot turn it into a test that passes on nothing.
 */
class MessageBundleTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path BUNDLES = Path.of("src/main/resources/vaadin-i18n");
    private static final Path ENGLISH = BUNDLES.resolve("messages.properties");
    private static final Path CHINESE = BUNDLES.resolve("messages_zh_CN.properties");
    /**
     * The only keys a translation may leave as in English: the product name, the "#" column headers of the roster
     * report, messages that are nothing but placeholders and separators, and file-size units every language writes
     * the same. Anything else identical to English is a message somebody forgot to translate.
     */
    private static final Set<String> SAME_IN_EVERY_LANGUAGE = Set.of(
            "app.name",                                                // Campus CRM
            "report.roster.col.number", "report.roster.col.position", // #
            "timetable.time-range", "note.meta",                      // {0} – {1}, {0} · {1}
            "document.kb", "document.mb",                             // {0} KB, {0} MB
            "jobs.batch.progress");                                    // {0} · {1} · {2}
    /** Where a message takes an argument, so that Spring and Jasper's msg() run it through MessageFormat. */
    private static final Pattern ARGUMENT = Pattern.compile("\\{\\s*\\d");
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
                    .filter(l -> !english.containsKey("setting." + l + ".label")) // a setting's key, not a message
                    .filter(l -> !english.containsKey("job." + l) && !english.containsKey("batch." + l)) // a job's name
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
    void there_is_a_simplified_chinese_bundle_besides_english() throws IOException {
        assertThat(translations()).as("bundles other than English in " + BUNDLES).isNotEmpty().contains(CHINESE);
    }

    /** The reports read the bundle through ResourceBundle, the UI and the services through the application's source. */
    @Test
    void a_chinese_locale_gets_the_chinese_bundle_in_the_ui_and_in_the_reports() throws IOException {
        Properties chinese = load(CHINESE);
        var spring = new LanguageMessageSource();

        for (String tag : List.of("zh-CN", "zh-Hans-CN", "zh-SG", "zh", "zh-Hans-SG")) {
            Locale locale = Locale.forLanguageTag(tag);
            assertThat(ResourceBundle.getBundle("vaadin-i18n/messages", Language.bundleLocale(locale))
                    .getString("nav.students")).as("reports in " + tag).isEqualTo(chinese.getProperty("nav.students"))
                    .isEqualTo("学员");
            assertThat(spring.getMessage("nav.students", null, locale)).as("UI in " + tag).isEqualTo("学员");
            assertThat(spring.getMessage("report.page", new Object[] {3}, locale)).as("UI in " + tag)
                    .isEqualTo("第 3 页");
        }
        assertThat(spring.getMessage("nav.students", null, Locale.forLanguageTag("en-SG"))).isEqualTo("Students");
        assertThat(spring.getMessage("nav.students", null, Locale.forLanguageTag("fr-FR"))).as("not spoken: English")
                .isEqualTo("Students");
    }

    @Test
    void every_other_language_translates_exactly_the_keys_english_has() throws IOException {
        Properties english = load(ENGLISH);
        assertThat(english.size()).as("messages in English").isGreaterThan(500);
        assertThat(translations()).as("bundles other than English").isNotEmpty();

        for (Path bundle : translations()) {
            assertThat(differences(english, load(bundle))).as(bundle.toString()).isEmpty();
        }
    }

    @Test
    void no_translation_leaves_a_message_in_english_unless_its_key_is_allowed_to() throws IOException {
        Properties english = load(ENGLISH);
        assertThat(SAME_IN_EVERY_LANGUAGE).as("keys allowed to stay as in English, all in English")
                .allSatisfy(key -> assertThat(english).containsKey(key));
        assertThat(translations()).as("bundles other than English").isNotEmpty();

        for (Path bundle : translations()) {
            assertThat(untranslated(english, load(bundle))).as("messages of " + bundle + " still in English")
                    .isEmpty();
        }
    }

    @Test
    void every_translation_takes_the_arguments_english_takes() throws IOException {
        Properties english = load(ENGLISH);
        long withArguments = english.stringPropertyNames().stream()
                .filter(k -> !arguments(english.getProperty(k)).isEmpty()).count();
        assertThat(withArguments).as("English messages with arguments").isGreaterThan(150);
        assertThat(translations()).as("bundles other than English").isNotEmpty();

        for (Path bundle : translations()) {
            assertThat(argumentDifferences(english, load(bundle))).as("arguments in " + bundle + " unlike English")
                    .isEmpty();
        }
    }

    @Test
    void every_message_of_every_bundle_is_a_valid_message_format_pattern() throws IOException {
        for (Path bundle : bundles()) {
            Properties messages = load(bundle);
            assertThat(messages).as(bundle + " has messages").isNotEmpty();
            assertThat(invalidPatterns(messages, localeOf(bundle))).as("invalid patterns in " + bundle).isEmpty();
        }
    }

    /**
     * Spring formats a message only when it is given arguments, and then an apostrophe starts a quoted part: "the
     * class's {0}" prints "the classs {0}", the argument never filled in. Messages without arguments print as they are.
     */
    @Test
    void a_message_with_arguments_writes_an_apostrophe_as_two() throws IOException {
        List<Path> bundles = bundles();
        assertThat(bundles).as("bundles in " + BUNDLES).contains(ENGLISH, CHINESE);

        for (Path bundle : bundles) {
            assertThat(loneApostrophes(load(bundle))).as("messages with arguments and a single ' in " + bundle)
                    .isEmpty();
        }
    }

    /** The key comparison every language's bundle goes through, and the empty-message check, on made-up bundles. */
    @Test
    void a_translation_missing_a_key_or_adding_one_is_reported() throws IOException {
        Properties english = parse("a.one=One\na.two=Two\n");
        Properties chinese = parse("a.one=一\na.three=三\n");

        assertThat(differences(english, chinese)).containsExactly("missing: a.two", "not in English: a.three");
        assertThat(differences(english, parse("a.one=一\na.two=二\n"))).isEmpty();
        assertThat(emptyMessages(parse("a.one=\na.two=  \na.three=三\n"))).containsExactly("a.one", "a.two");
    }

    /** The checks above, each on a made-up bundle that breaks it. */
    @Test
    void an_english_message_a_lost_argument_a_quoted_one_and_a_broken_pattern_are_reported() throws IOException {
        Properties english = parse("app.name=Campus CRM\na.one=One\na.two=Page {0} of {1}\n"
                + "a.three={0,choice,0#no sessions|1#1 session|1<{0} sessions}\na.four=The term''s {0}\n");
        Properties chinese = parse("app.name=Campus CRM\na.one=One\na.two=第 {0} 页\n"
                + "a.three={0,choice,0#无课次|1#{0} 个课次}\na.four=学期 '{0}'\n");

        assertThat(untranslated(english, chinese)).containsExactly("a.one");
        assertThat(argumentDifferences(english, chinese)).containsExactly(
                "a.four: English {0}, here []", "a.two: English {0, 1}, here {0}");
        assertThat(arguments("{1,number,integer} of {0,date,short} in {2}")).containsExactly(0, 1, 2);
        assertThat(arguments("{0,choice,0#none|1<{1} of {0}}")).containsExactly(0, 1);
        assertThat(arguments("The term's {0}")).isEmpty();
        assertThat(invalidPatterns(parse("a.one=Page {0\na.two={0,colour}\na.three=Page {0}\n"), Locale.ENGLISH))
                .containsExactly("a.one", "a.two");
        assertThat(loneApostrophes(parse("a.one=The term's {0}\na.two=The term''s {0}\na.three=The user's name\n")))
                .containsExactly("a.one");
    }

    private static List<String> differences(Properties english, Properties other) {
        List<String> differences = new ArrayList<>();
        new TreeSet<>(english.stringPropertyNames()).stream().filter(k -> !other.containsKey(k))
                .forEach(k -> differences.add("missing: " + k));
        new TreeSet<>(other.stringPropertyNames()).stream().filter(k -> !english.containsKey(k))
                .forEach(k -> differences.add("not in English: " + k));
        return differences;
    }

    /** Messages identical to English whose key is not in {@link #SAME_IN_EVERY_LANGUAGE}. */
    private static List<String> untranslated(Properties english, Properties other) {
        return new TreeSet<>(other.stringPropertyNames()).stream()
                .filter(k -> other.getProperty(k).equals(english.getProperty(k)))
                .filter(k -> !SAME_IN_EVERY_LANGUAGE.contains(k)).toList();
    }

    private static List<String> argumentDifferences(Properties english, Properties other) {
        List<String> differences = new ArrayList<>();
        for (String key : new TreeSet<>(english.stringPropertyNames())) {
            String translated = other.getProperty(key);
            if (translated == null || !valid(english.getProperty(key)) || !valid(translated)) {
                continue; // reported by the tests of keys and of patterns
            }
            Set<Integer> expected = arguments(english.getProperty(key));
            Set<Integer> actual = arguments(translated);
            if (!expected.equals(actual)) {
                differences.add(key + ": English " + braces(expected) + ", here " + braces(actual));
            }
        }
        return differences;
    }

    private static String braces(Set<Integer> indexes) {
        return indexes.isEmpty() ? "[]"
                : indexes.stream().map(String::valueOf).collect(Collectors.joining(", ", "{", "}"));
    }

    /**
     * The argument indexes a message uses, as MessageFormat itself reads the pattern (quotes included): indexes with
     * a format are used; a plain {@code {n}} is used when a marker passed as argument n shows in the result. A
     * choice is tried with several numbers, since its branches may use other arguments.
     */
    private static Set<Integer> arguments(String pattern) {
        var format = new MessageFormat(pattern, Locale.ROOT);
        Format[] formats = format.getFormatsByArgumentIndex();
        // a choice's branches may name arguments beyond the top level's; none beyond one per brace
        int count = formats.length + (int) pattern.chars().filter(c -> c == '{').count();
        Set<Integer> used = new TreeSet<>();
        for (int number : new int[] {0, 1, 2, 1000}) {
            Object[] arguments = new Object[count];
            for (int i = 0; i < count; i++) {
                Format f = i < formats.length ? formats[i] : null;
                arguments[i] = f == null ? marker(i) : f instanceof NumberFormat ? number : null;
            }
            String result = format.format(arguments);
            for (int i = 0; i < count; i++) {
                if (i < formats.length && formats[i] != null || result.contains(marker(i))) {
                    used.add(i);
                }
            }
        }
        return used;
    }

    private static String marker(int index) {
        return "\u0001" + index + "\u0002";
    }

    private static boolean valid(String pattern) {
        try {
            new MessageFormat(pattern, Locale.ROOT);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static List<String> invalidPatterns(Properties messages, Locale locale) {
        List<String> invalid = new ArrayList<>();
        for (String key : new TreeSet<>(messages.stringPropertyNames())) {
            try {
                new MessageFormat(messages.getProperty(key), locale);
            } catch (IllegalArgumentException e) {
                invalid.add(key);
            }
        }
        return invalid;
    }

    /** Messages with an argument and an apostrophe that is not doubled. */
    private static List<String> loneApostrophes(Properties messages) {
        return new TreeSet<>(messages.stringPropertyNames()).stream()
                .filter(k -> ARGUMENT.matcher(messages.getProperty(k)).find())
                .filter(k -> messages.getProperty(k).replace("''", "").contains("'")).toList();
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

    private static List<Path> translations() throws IOException {
        return bundles().stream().filter(b -> !b.equals(ENGLISH)).toList();
    }

    /** {@code messages_zh_CN.properties} is for zh-CN, {@code messages.properties} for English. */
    private static Locale localeOf(Path bundle) {
        String name = bundle.getFileName().toString().replaceAll("^messages_?|\\.properties$", "");
        return name.isEmpty() ? Locale.ENGLISH : Locale.forLanguageTag(name.replace('_', '-'));
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
