package io.campuscrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * No text a user reads is written in the Java code: what the code gives to a user-visible setter or constructor
 * ({@code setText}, {@code setLabel}, {@code setHeader}, {@code new Button(...)}, {@code Notification.show},
 * {@code Notifications.success}, a validator's message, ...) comes from the message bundles through
 * {@code getTranslation}, so that it is there in every language. A string literal among such a call's arguments is
 * a finding when it has letters once its placeholders ({@code %s}, {@code {0}}) are taken out, unless it is in
 * {@link #ALLOWED}. Literals inside another call among the arguments ({@code getTranslation("key")}, a lambda's
 * {@code ui.navigate("students")}) are that call's business and not looked at, except for the calls in
 * {@link #SAME_TEXT}, whose result is their literals. Comments are not code and are skipped.
 * <p>
 * The scan reads the sources as text, so a text handed to a setter through a variable or a helper of the view's own
 * is not seen: a reviewer's job. The tests at the end prove that each rule finds what it should on made-up code.
 */
class UserVisibleLiteralsTest {

    private static final Path SOURCES = Path.of("src/main/java");

    /**
     * The few literals with letters a user may see as they are, each with its reason. Not a place for wording:
     * anything a translator would translate belongs in the bundles.
     */
    private static final Map<String, String> ALLOWED = Map.of(
            "Campus CRM", "the product's name, the same in every language (app.name in the bundles)");

    /**
     * Calls whose arguments a user reads, by name: setters of texts, labels and messages, Vaadin's notifications and
     * ours, required-field and validator messages, grid columns and item labels, menu items, and the page title.
     */
    private static final Pattern METHOD = Pattern.compile("(?<![\\w$])(?:"
            + "set(?:Text|Label|Title|Header|HeaderTitle|HelperText|Placeholder|ErrorMessage|AriaLabel|TooltipText"
            + "|EmptyStateText|ConfirmText|CancelText|RejectText|EmptySelectionCaption|PageTitle|SummaryText"
            + "|ItemLabelGenerator)"
            + "|asRequired|withValidator|addItem|addColumn|addComponentColumn"
            + "|Notification\\s*\\.\\s*show|Notifications\\s*\\.\\s*\\w+|ServiceErrors\\s*\\.\\s*primary"
            + ")\\s*\\(");
    /** Components and validators whose constructor takes a text: a label, a caption, a title, a message. */
    private static final Pattern CONSTRUCTOR = Pattern.compile("(?<![\\w$])new\\s+(?:[\\w.]+\\.)?("
            + "Button|Span|H[1-6]|Paragraph|Div|Text|NativeLabel|Pre|ListItem|Anchor|RouterLink|SideNavItem|Tab"
            + "|Details|Dialog|ConfirmDialog|Notification|Checkbox|TextField|TextArea|PasswordField|EmailField"
            + "|IntegerField|NumberField|BigDecimalField|DatePicker|TimePicker|DateTimePicker|ComboBox"
            + "|MultiSelectComboBox|Select|RadioButtonGroup|CheckboxGroup|Card|\\w+Validator"
            + ")\\s*(?:<[^<>()]*(?:<[^<>()]*>[^<>()]*)*>)?\\s*\\(");
    /** {@code @PageTitle("...")}. */
    private static final Pattern ANNOTATION = Pattern.compile("@PageTitle\\s*\\(");
    /** An element's attribute or property that is read (a tooltip) or read out (a screen reader's label). */
    private static final Pattern ATTRIBUTE = Pattern.compile(
            "\\bset(?:Attribute|Property)\\s*\\(\\s*\"(?:title|aria-label|aria-description|label|placeholder)\"\\s*,");
    /** Calls among the arguments whose result is their literals, so their literals count. */
    private static final Set<String> SAME_TEXT = Set.of("format", "formatted", "join", "concat", "valueOf",
            "repeat", "strip", "trim", "toUpperCase", "toLowerCase");
    /** Vaadin components with built-in English texts, each with a helper that sets them in the screen's language. */
    private static final Pattern MADE_WITH_TEXTS_OF_ITS_OWN = Pattern.compile(
            "\\bnew\\s+(DatePicker|Upload|TimePicker|MultiSelectComboBox)\\s*[(<]");
    /** The helper that puts each of them in the screen's language. */
    private static final Map<String, String> LOCALIZED_BY = Map.of("DatePicker", "DatePickers", "Upload", "Uploads",
            "TimePicker", "TimePickers", "MultiSelectComboBox", "MultiSelects");
    /** What a literal may hold without it being words: placeholders of MessageFormat and of String.format. */
    private static final Pattern FORMAT_ONLY = Pattern.compile(
            "\\{\\d+(?:,[^{}]*)?}|%(?:\\d+\\$)?[-#+ 0,(]*\\d*(?:\\.\\d+)?[a-zA-Z%]");

    /** A literal found where a user reads it. */
    record Finding(String file, int line, int offset, String text) {

        @Override
        public String toString() {
            return file + ":" + line + ": " + text;
        }
    }

    @Test
    void no_string_literal_with_letters_is_passed_to_a_user_visible_setter_or_constructor() throws IOException {
        List<Finding> findings = new ArrayList<>();
        int calls = 0;
        for (Path source : javaSources()) {
            var scan = scan(source.toString(), Files.readString(source));
            findings.addAll(scan.findings());
            calls += scan.calls();
        }

        assertThat(calls).as("user-visible calls the scan looked at in " + SOURCES).isGreaterThan(500);
        assertThat(findings).as("literals a user reads that are not in the message bundles (move them there and "
                + "use getTranslation, or allow one in " + getClass().getSimpleName() + ".ALLOWED with a reason)")
                .extracting(Finding::toString).isEmpty();
    }

    /**
     * Vaadin's date and time pickers, upload and multi-select combo box have texts of their own ("January", "Today",
     * "Drop files here", "added to selection") that are in English unless set: every one the code makes is wrapped
     * in the helper of {@link #LOCALIZED_BY}, which sets them in the screen's language.
     */
    @Test
    void every_date_picker_time_picker_upload_and_multi_select_the_code_makes_gets_the_screen_language()
            throws IOException {
        List<String> bare = new ArrayList<>();
        int made = 0;
        for (Path source : javaSources()) {
            String code = withoutComments(Files.readString(source));
            Matcher m = MADE_WITH_TEXTS_OF_ITS_OWN.matcher(code);
            while (m.find()) {
                made++;
                String before = code.substring(0, m.start()).stripTrailing();
                if (!before.endsWith(LOCALIZED_BY.get(m.group(1)) + ".localized(")) {
                    bare.add(source + ":" + lineOf(code, m.start()) + ": new " + m.group(1));
                }
            }
        }

        assertThat(made).as("date pickers and uploads made in " + SOURCES).isGreaterThan(10);
        assertThat(bare).as("made without its helper's localized(…)").isEmpty();
    }

    @Test
    void every_allowed_literal_is_still_used_somewhere() throws IOException {
        var code = new StringBuilder();
        for (Path source : javaSources()) {
            code.append(Files.readString(source));
        }
        assertThat(ALLOWED.keySet()).as("allowed literals no longer in " + SOURCES + " (remove them from ALLOWED)")
                .allSatisfy(text -> assertThat(code).contains("\"" + text + "\""));
    }

    /** Each kind of call the scan knows, on made-up code that breaks the rule, and what it leaves alone. */
    @Test
    void a_literal_given_to_a_setter_a_constructor_or_a_notification_is_reported_with_its_line() {
        String code = """
                class Broken {
                    void build() {
                        var save = new Button("Save", e -> save());
                        grid.addColumn(Room::name).setHeader("Room name");
                        field.setLabel(
                                "Campus");
                        Notification.show("Saved " + name);
                        Notifications.error(String.format("Page %d of %d", page, pages));
                        var dialog = new ConfirmDialog(getTranslation("a.title"), "Really?", "Yes", ok -> { });
                        binder.forField(name).asRequired("Required");
                        var link = new Anchor("mailto:" + email, "Write");
                        element.setAttribute("aria-label", "Close");
                        var box = new ComboBox<Campus>("Campus");
                    }
                }
                """;

        assertThat(scan("Broken.java", code).findings()).extracting(Finding::toString).containsExactly(
                "Broken.java:3: Save",
                "Broken.java:4: Room name",
                "Broken.java:6: Campus",
                "Broken.java:7: Saved ",
                "Broken.java:8: Page %d of %d",
                "Broken.java:9: Really?",
                "Broken.java:9: Yes",
                "Broken.java:10: Required",
                "Broken.java:11: Write",
                "Broken.java:12: Close",
                "Broken.java:13: Campus");
    }

    @Test
    void keys_separators_placeholders_nested_calls_comments_and_allowed_literals_are_not_reported() {
        String code = """
                class Fine {
                    // new Button("Save") is only a comment
                    /** {@code setText("Hello")}, in Javadoc. */
                    void build() {
                        var save = new Button(getTranslation("action.save"), e -> ui.navigate("students"));
                        label.setText(name + " · " + number + " (" + other + ")");
                        label.setText(getTranslation(ok ? "a.yes" : "a.no"));
                        time.setText("{0} – {1}");
                        size.setText(String.format(locale, "%.1f", mb));
                        var link = new Anchor("tel:" + phone, ContactNormaliser.display(phone));
                        var empty = new Span("—");
                        log.error("Unexpected error [{}]", incident);
                        ids.setId("save-student");
                        settings.setPageTitle("Campus CRM");
                        var quote = '"'; setText("\\u2014");
                    }
                }
                """;

        var scan = scan("Fine.java", code);

        assertThat(scan.findings()).isEmpty();
        assertThat(scan.calls()).as("calls looked at").isEqualTo(9);
    }

    /** The literals with letters among a user-visible call's arguments, and how many such calls there were. */
    record Scan(List<Finding> findings, int calls) {
    }

    static Scan scan(String file, String source) {
        String code = withoutComments(source);
        List<Finding> findings = new ArrayList<>();
        int calls = 0;
        for (Pattern pattern : List.of(METHOD, CONSTRUCTOR, ANNOTATION, ATTRIBUTE)) {
            Matcher m = pattern.matcher(code);
            while (m.find()) {
                calls++;
                // an anchor's first argument is where it links to, not what it says
                int skipArguments = pattern == CONSTRUCTOR && "Anchor".equals(m.group(1)) ? 1 : 0;
                for (var literal : literals(code, m.end(), skipArguments)) {
                    String text = unescape(code.substring(literal.start() + 1, literal.end() - 1));
                    if (hasWords(text) && !ALLOWED.containsKey(text)) {
                        findings.add(new Finding(file, lineOf(code, literal.start()), literal.start(), text));
                    }
                }
            }
        }
        findings.sort(Comparator.comparingInt(Finding::offset));
        return new Scan(findings, calls);
    }

    private record Literal(int start, int end) {
    }

    /**
     * The string literals of the argument list that starts at {@code from} (just after its opening parenthesis):
     * those at its top level, and those inside calls in {@link #SAME_TEXT}. The first {@code skip} arguments are
     * left out.
     */
    private static List<Literal> literals(String code, int from, int skip) {
        List<Literal> found = new ArrayList<>();
        Deque<Boolean> counted = new ArrayDeque<>(); // per open bracket: do literals inside it count?
        int argument = 0;
        int i = from;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '"') {
                int end = endOfString(code, i);
                if (argument >= skip && counted.stream().allMatch(b -> b)) {
                    found.add(new Literal(i, end));
                }
                i = end;
                continue;
            }
            if (c == '\'') {
                i = endOfChar(code, i);
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                counted.push(c == '(' && SAME_TEXT.contains(nameBefore(code, i)) && counted.stream().allMatch(b -> b));
            } else if (c == ')' || c == ']' || c == '}') {
                if (counted.isEmpty()) {
                    return found; // the end of the argument list
                }
                counted.pop();
            } else if (c == ',' && counted.isEmpty()) {
                argument++;
            }
            i++;
        }
        return found;
    }

    /** The identifier just before an opening parenthesis: the name of the method called. */
    private static String nameBefore(String code, int paren) {
        int end = paren;
        while (end > 0 && Character.isWhitespace(code.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isJavaIdentifierPart(code.charAt(start - 1))) {
            start--;
        }
        return code.substring(start, end);
    }

    /** The index just after the string literal (or text block) starting at {@code start}. */
    private static int endOfString(String code, int start) {
        if (code.startsWith("\"\"\"", start)) {
            int end = code.indexOf("\"\"\"", start + 3);
            return end < 0 ? code.length() : end + 3;
        }
        int i = start + 1;
        while (i < code.length() && code.charAt(i) != '"' && code.charAt(i) != '\n') {
            i += code.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, code.length());
    }

    private static int endOfChar(String code, int start) {
        int i = start + 1;
        while (i < code.length() && code.charAt(i) != '\'' && code.charAt(i) != '\n') {
            i += code.charAt(i) == '\\' ? 2 : 1;
        }
        return Math.min(i + 1, code.length());
    }

    /** The code with its comments blanked out (line breaks kept, so lines still count), literals untouched. */
    static String withoutComments(String code) {
        var out = new StringBuilder(code);
        int i = 0;
        while (i < code.length()) {
            char c = code.charAt(i);
            if (c == '"') {
                i = endOfString(code, i);
            } else if (c == '\'') {
                i = endOfChar(code, i);
            } else if (code.startsWith("//", i)) {
                int end = code.indexOf('\n', i);
                end = end < 0 ? code.length() : end;
                blank(out, i, end);
                i = end;
            } else if (code.startsWith("/*", i)) {
                int end = code.indexOf("*/", i + 2);
                end = end < 0 ? code.length() : end + 2;
                blank(out, i, end);
                i = end;
            } else {
                i++;
            }
        }
        return out.toString();
    }

    private static void blank(StringBuilder code, int from, int to) {
        for (int i = from; i < to; i++) {
            if (code.charAt(i) != '\n') {
                code.setCharAt(i, ' ');
            }
        }
    }

    /** Letters left once the placeholders are out: words someone has to translate. */
    static boolean hasWords(String text) {
        return FORMAT_ONLY.matcher(text).replaceAll("").codePoints().anyMatch(Character::isLetter);
    }

    /** The literal's characters: {@code \n} is a line break, not the letter n. */
    private static String unescape(String literal) {
        var out = new StringBuilder();
        for (int i = 0; i < literal.length(); i++) {
            char c = literal.charAt(i);
            if (c != '\\' || i + 1 == literal.length()) {
                out.append(c);
                continue;
            }
            char next = literal.charAt(++i);
            switch (next) {
                case 'u' -> {
                    while (i + 1 < literal.length() && literal.charAt(i + 1) == 'u') {
                        i++;
                    }
                    if (i + 4 < literal.length()) {
                        out.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
                        i += 4;
                    }
                }
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 's' -> out.append(' ');
                default -> {
                    if (next >= '0' && next <= '7') {
                        out.append((char) (next - '0'));
                    } else {
                        out.append(next); // \" \' \\
                    }
                }
            }
        }
        return out.toString();
    }

    private static int lineOf(String code, int index) {
        int line = 1;
        for (int i = 0; i < index; i++) {
            if (code.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    private static List<Path> javaSources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java")).sorted().toList();
        }
    }
}
