package io.campuscrm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.dom.Element;
import com.vaadin.flow.router.InternalServerError;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.server.VaadinSession;

import io.campuscrm.institution.InstitutionService;
import io.campuscrm.scheduling.ClassFilter;
import io.campuscrm.scheduling.ClassSearch;
import io.campuscrm.scheduling.EnrollmentService;
import io.campuscrm.scheduling.RoomFilter;
import io.campuscrm.scheduling.RoomService;
import io.campuscrm.security.UserFilter;
import io.campuscrm.security.UserService;
import io.campuscrm.shared.i18n.ChosenLanguage;
import io.campuscrm.shared.i18n.Language;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.shared.ui.AccessDeniedView;
import io.campuscrm.shared.ui.NotFoundView;
import io.campuscrm.shared.ui.RouteNotFoundView;
import io.campuscrm.support.CampusIntegrationTest;

/**
 * Every page of the product opens in every language without a missing message: signed in (as the administrator, and
 * as the teacher for the one page only a teacher has), each registered route is opened in each {@link Language},
 * with its parameters filled from the demo data, and so is every tab of a detail page. A page must open without an
 * exception and not on the not-found, access-denied or error page; nothing on it (its text, and the labels,
 * placeholders, helper texts and titles of its fields) may show a missing key ({@code !key}, what the i18n provider
 * returns for one). In Chinese it must also be in Chinese: some Chinese characters, none of the words that are only
 * there when a message is left in English (the English navigation and Save / Cancel, Vaadin's own English), no date
 * or time written the English way, and date pickers whose calendar names the months in Chinese.
 */
@CampusIntegrationTest
class EveryRouteInBothLanguagesIT extends SpringBrowserlessTest {

    /** Routes not opened here, each with its reason. */
    private static final Map<String, String> NOT_OPENED = Map.of(
            "login", "the sign-in page forwards a signed-in user to the dashboard; ChineseJourneyIT opens it",
            "test/timetable-preview", "a test-only page with sample data (src/test)");
    /** Routes only another role may open, with that role: opened by the test signed in as it. */
    private static final Map<String, String> OPENED_AS = Map.of("my-classes", "teacher", "today", "teacher");
    /** What a missing message looks like: the i18n provider's "!" and the key. */
    private static final Pattern MISSING_KEY = Pattern.compile("![a-z][a-z0-9-]*(?:\\.[a-z0-9-]+)+");
    private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
    /** "Wed 4 Mar 2026", "4 Mar 2026", "4:00 pm": dates and times written for an English reader. */
    private static final Pattern ENGLISH_DATE_OR_TIME = Pattern.compile(
            "\\b(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),? )?\\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
                    + "[a-z]* \\d{4}\\b|\\b\\d{1,2}:\\d{2}\\s?(?:am|pm|AM|PM)\\b");
    /** Vaadin's built-in English texts, there when a component's i18n was not set. */
    private static final List<String> VAADIN_ENGLISH = List.of("Today", "Upload Files", "Upload File",
            "Drop files here", "Drop file here", "Log in");
    /** Element properties a user reads besides the text: a field's label, placeholder and help, a column's header. */
    private static final List<String> READ_PROPERTIES = List.of("label", "placeholder", "helperText", "header",
            "accessibleName");
    /** Attributes a user reads (a tooltip) or hears (a screen reader's name). */
    private static final List<String> READ_ATTRIBUTES = List.of("title", "aria-label");

    @Autowired
    io.campuscrm.scheduling.SessionService sessions;
    @Autowired
    InstitutionService institution;
    @Autowired
    ClassSearch classes;
    @Autowired
    EnrollmentService enrollments;
    @Autowired
    RoomService rooms;
    @Autowired
    UserService users;
    @Autowired
    io.campuscrm.admissions.LeadService leads;

    /** How many date pickers, uploads and grid cells the pages opened so far had. */
    private final Seen seen = new Seen();
    private @Nullable Demo demo;

    private static final class Seen {
        int datePickers;
        int uploads;
        int gridCells;
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    @WithUserDetails("admin")
    void every_route_opens_for_the_administrator_with_every_text_in_the_language(Language language) {
        var opened = openEveryRoute(language, route -> !OPENED_AS.containsKey(route));

        assertThat(opened.routes()).as("routes opened").hasSizeGreaterThan(12)
                .contains("", "students", "classes", "timetable", "reports", "admin/settings",
                        "admin/admissions/:tab?", "leads/board");
        assertThat(opened.addresses()).as("addresses opened, with their tabs").hasSizeGreaterThan(25)
                .contains("admin/users", "classes/new", "timetable?scope=student&id=" + demo().studentId,
                        "admin/admissions", "admin/admissions/lost-reasons", "admin/admissions/campaigns",
                        "admin/admissions/intake-keys")
                .anyMatch(a -> a.matches("students/\\d+/timeline")).anyMatch(a -> a.matches("classes/\\d+/sessions"));
        assertThat(seen.datePickers).as("date pickers checked").isGreaterThan(5);
        assertThat(seen.uploads).as("uploads checked").isPositive();
        assertThat(seen.gridCells).as("grid cells checked").isGreaterThan(200);
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    @WithUserDetails("teacher")
    void the_pages_only_a_teacher_may_open_open_for_the_teacher_in_the_language(Language language) {
        var opened = openEveryRoute(language, route -> "teacher".equals(OPENED_AS.get(route)));

        assertThat(opened.routes()).as("routes opened").containsExactlyInAnyOrder("my-classes", "today");
    }

    /** The checks themselves, on made-up pages: each finds what it is there for. */
    @Test
    @WithUserDetails("admin")
    void a_missing_key_an_english_word_an_english_date_and_an_english_calendar_are_reported() {
        var words = englishWords();

        assertThat(problems(List.of("学员 !student.missing-key"), Language.SIMPLIFIED_CHINESE, words))
                .containsExactly("a missing message: !student.missing-key");
        assertThat(problems(List.of("学员 Save"), Language.SIMPLIFIED_CHINESE, words))
                .containsExactly("English where Chinese should be: Save");
        assertThat(problems(List.of("课次 Wed 4 Mar 2026, 4:00 pm"), Language.SIMPLIFIED_CHINESE, words))
                .containsExactly("a date or time written in English: Wed 4 Mar 2026",
                        "a date or time written in English: 4:00 pm");
        assertThat(problems(List.of("Students"), Language.SIMPLIFIED_CHINESE, words))
                .contains("no Chinese at all");
        assertThat(problems(List.of("Students · Save · 4:00 pm"), Language.ENGLISH, words)).isEmpty();
        assertThat(monthNames(new DatePicker()))
                .as("a picker left alone has Vaadin's English calendar (no i18n at all)").isEmpty();
    }

    /** The routes opened, and the addresses that opened them and their tabs. */
    private record Opened(Set<String> routes, List<String> addresses) {
    }

    /** Opens every route the filter accepts (and the tabs of detail pages), checking each. */
    private Opened openEveryRoute(Language language, Predicate<String> routes) {
        Locale locale = showIn(language);
        var words = englishWords();
        Set<String> opened = new LinkedHashSet<>();
        List<String> addresses = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (RouteData route : RouteConfiguration.forApplicationScope().getAvailableRoutes()) {
            String template = route.getTemplate();
            if (NOT_OPENED.containsKey(template) || !routes.test(template)) {
                continue;
            }
            for (String address : addresses(route)) {
                opened.add(template);
                addresses.add(address);
                open(address, language, words, failures);
                // the tabs of a detail page (a student's file, a class) are pages of their own
                for (String tab : tabs()) {
                    if (tab.equals(address)) {
                        continue; // the first tab is the page itself
                    }
                    addresses.add(tab);
                    open(tab, language, words, failures);
                }
            }
        }
        assertThat(failures).as("pages in " + language + " (" + locale + ") with a problem").isEmpty();
        return new Opened(opened, addresses);
    }

    /**
     * Shows the screen in the language as the user menu's switch does: the language kept in the session, and the page
     * loaded again (a new UI), so that the frame around the pages is made in it too, not only the pages.
     */
    private Locale showIn(Language language) {
        VaadinSession.getCurrent().setAttribute(ChosenLanguage.class, new ChosenLanguage(language));
        UI.getCurrent().getPage().reload();
        Locale locale = language.locale(institution.publicProfile().locale());
        assertThat(UI.getCurrent().getLocale()).as("the new screen's locale, from the session").isEqualTo(locale);
        UI.getCurrent().setLocale(locale);
        return locale;
    }

    private void open(String address, Language language, Set<String> words, List<String> failures) {
        String path = address.contains("?") ? address.substring(0, address.indexOf('?')) : address;
        var query = address.contains("?") ? QueryParameters.fromString(address.substring(address.indexOf('?') + 1))
                : QueryParameters.empty();
        try {
            UI.getCurrent().navigate(path, query);
        } catch (RuntimeException e) {
            failures.add(address + ": " + e);
            return;
        }
        var view = getCurrentView();
        if (view instanceof NotFoundView || view instanceof RouteNotFoundView || view instanceof AccessDeniedView
                || view instanceof InternalServerError) {
            failures.add(address + ": opened on " + view.getClass().getSimpleName());
            return;
        }
        var ui = UI.getCurrent();
        // the page: its outermost layout (the frame with the navigation) and all inside it; and what is open over it
        List<String> texts = texts(ui.getInternals().getActiveRouterTargetsChain().getLast().getElement());
        texts.addAll(texts(ui.getElement()));
        texts.add(ui.getInternals().getTitle());
        texts.addAll(firstRows());
        problems(texts, language, words).forEach(p -> failures.add(address + ": " + p));
        List<String> expectedMonths = Arrays.stream(Month.values())
                .map(m -> m.getDisplayName(TextStyle.FULL_STANDALONE, UI.getCurrent().getLocale())).toList();
        for (DatePicker picker : $(DatePicker.class).all()) {
            seen.datePickers++;
            if (!monthNames(picker).equals(expectedMonths)) {
                failures.add(address + ": a date picker's months are " + monthNames(picker) + ", not "
                        + expectedMonths);
            }
        }
        for (Upload upload : $(Upload.class).all()) {
            seen.uploads++;
            var addFiles = upload.getI18n() == null ? null : upload.getI18n().getAddFiles().getMany();
            if (addFiles == null || language == Language.SIMPLIFIED_CHINESE && !CHINESE.matcher(addFiles).find()) {
                failures.add(address + ": an upload's button says " + addFiles);
            }
        }
        // a dialog the address opened (a user's, on admin/users/1) is not part of the next page
        $(Dialog.class).all().forEach(Dialog::close);
    }

    /**
     * What is wrong with a page's texts in a language: a missing message, and in Chinese no Chinese at all, a word
     * only an untranslated message has, or a date or time written for an English reader.
     */
    private static List<String> problems(List<String> texts, Language language, Set<String> englishWords) {
        String all = String.join("\n", texts);
        List<String> problems = new ArrayList<>();
        MISSING_KEY.matcher(all).results().map(m -> "a missing message: " + m.group()).distinct()
                .forEach(problems::add);
        if (language == Language.SIMPLIFIED_CHINESE) {
            if (!CHINESE.matcher(all).find()) {
                problems.add("no Chinese at all");
            }
            englishWords.stream().filter(w -> Pattern.compile("(?<![\\w'])" + Pattern.quote(w) + "(?![\\w'])")
                    .matcher(all).find()).map(w -> "English where Chinese should be: " + w).forEach(problems::add);
            ENGLISH_DATE_OR_TIME.matcher(all).results()
                    .map(m -> "a date or time written in English: " + m.group()).distinct().forEach(problems::add);
        }
        return problems;
    }

    /**
     * The words a Chinese page has only if a message was left in English: the English navigation (on every page),
     * Save and Cancel (on every form), and Vaadin's own English.
     */
    private static Set<String> englishWords() {
        var english = ResourceBundle.getBundle("vaadin-i18n/messages", Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        Set<String> words = new TreeSet<>(VAADIN_ENGLISH);
        english.keySet().stream().filter(k -> k.startsWith("nav.") || k.equals("action.save")
                || k.equals("action.cancel")).map(english::getString).forEach(words::add);
        return words;
    }

    /**
     * The texts of the element and its descendants, one by one (as a browser shows them, not run together), and what
     * their fields and columns are labelled with.
     */
    private static List<String> texts(Element root) {
        List<String> texts = new ArrayList<>();
        walk(root, element -> {
            if (element.isTextNode()) {
                texts.add(element.getText());
                return;
            }
            READ_PROPERTIES.stream().map(p -> element.getProperty(p)).filter(v -> v != null && !v.isBlank())
                    .forEach(texts::add);
            READ_ATTRIBUTES.stream().map(element::getAttribute).filter(v -> v != null && !v.isBlank())
                    .forEach(texts::add);
        });
        return texts;
    }

    /** What the grids' first rows say: a grid's cells are data the browser fetches, not elements of the page. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private List<String> firstRows() {
        List<String> cells = new ArrayList<>();
        for (Grid grid : $(Grid.class).all()) {
            var tester = test(grid);
            int columns = grid.getColumns().size();
            for (int row = 0; row < Math.min(3, tester.size()); row++) {
                for (int column = 0; column < columns; column++) {
                    cells.add(tester.getCellText(row, column));
                    seen.gridCells++;
                }
            }
        }
        return cells;
    }

    private static void walk(Element element, Consumer<Element> visit) {
        visit.accept(element);
        element.getChildren().forEach(child -> walk(child, visit));
    }

    private static List<String> monthNames(DatePicker picker) {
        return picker.getI18n() == null || picker.getI18n().getMonthNames() == null ? List.of()
                : picker.getI18n().getMonthNames();
    }

    /** The links of the tabs of a detail page, if the page has tabs. */
    private List<String> tabs() {
        return $(Anchor.class).all().stream().filter(a -> a.hasClassName("detail-tab")).map(Anchor::getHref)
                .toList();
    }

    /**
     * The addresses that open a route: the route itself when it has no parameters, else the route with its
     * parameters filled from the demo data (an optional parameter may be left out), plus addresses with the query
     * parameters that choose what a page shows. A route with a parameter this test cannot fill fails the test.
     */
    private List<String> addresses(RouteData route) {
        String template = route.getTemplate();
        List<String> addresses = new ArrayList<>();
        if (route.getRouteParameters().isEmpty()) {
            addresses.add(template);
        } else {
            Map<String, List<String>> values = demo().parameters(template);
            List<String> filled = List.of("");
            for (String segment : template.split("/")) {
                if (!segment.startsWith(":")) {
                    filled = filled.stream().map(a -> a + "/" + segment).toList();
                    continue;
                }
                // ":studentId([0-9]+)", ":tab?", ":___url_parameter?(^[+-]?[0-9]{1,19}$)"
                String head = segment.contains("(") ? segment.substring(0, segment.indexOf('(')) : segment;
                boolean optional = head.endsWith("?") || head.endsWith("*");
                String name = head.substring(1).replaceAll("[?*]$", "");
                List<String> choices = new ArrayList<>(values.getOrDefault(name, List.of()));
                assertThat(!choices.isEmpty() || optional).as("a value for the parameter " + name + " of " + template
                        + " (add one to " + getClass().getSimpleName() + ".Demo)").isTrue();
                if (optional) {
                    choices.addFirst(null); // also without it
                }
                var before = filled;
                filled = choices.stream().flatMap(c -> before.stream().map(a -> c == null ? a : a + "/" + c))
                        .toList();
            }
            filled.stream().map(a -> a.substring(1)).distinct().forEach(addresses::add);
        }
        if (template.equals("timetable") || template.equals("reports") || template.equals("leads/board")) {
            addresses.addAll(demo().queries(template));
        }
        return addresses;
    }

    private Demo demo() {
        if (demo == null) {
            demo = SystemAuthentication.call(Demo::new);
        }
        return demo;
    }

    /** Ids from the demo data, for the parameters of routes. */
    private final class Demo {

        final long classId;
        final long studentId;
        final long teacherId;
        final long roomId;
        final long campusId;
        final long adminId;
        final long sessionId;
        final long leadId;

        Demo() {
            var enrolled = classes.find(ClassFilter.all(), PageRequest.of(0, 50)).stream()
                    .filter(c -> !enrollments.enrollments(c.id(), false, PageRequest.of(0, 1)).isEmpty())
                    .findFirst().orElseThrow();
            classId = enrolled.id();
            sessionId = sessions.sessions(classId, PageRequest.of(0, 1)).getContent().getFirst().sessionId();
            studentId = enrollments.enrollments(classId, false, PageRequest.of(0, 1)).getContent().getFirst()
                    .studentId();
            teacherId = users.findUsers(new UserFilter(null, Role.TEACHER, true), PageRequest.of(0, 1)).getContent()
                    .getFirst().id();
            roomId = rooms.find(RoomFilter.all(), PageRequest.of(0, 1)).getContent().getFirst().id();
            campusId = institution.campuses().getFirst().id();
            adminId = users.findUsers(new UserFilter("admin", Role.ADMIN, true), PageRequest.of(0, 10)).stream()
                    .filter(u -> u.username().equals("admin")).findFirst().orElseThrow().id();
            leadId = leads.find(io.campuscrm.admissions.LeadService.LeadFilter.all(), PageRequest.of(0, 1))
                    .getContent().getFirst().id();
        }

        /** Values of a route's parameters, by parameter name. */
        Map<String, List<String>> parameters(String template) {
            Map<String, List<String>> values = new LinkedHashMap<>();
            if (template.startsWith("students/")) {
                values.put("studentId", List.of(String.valueOf(studentId)));
            } else if (template.startsWith("classes/")) {
                values.put("id", List.of(String.valueOf(classId), "new"));
            } else if (template.startsWith("leads/")) {
                values.put("leadId", List.of(String.valueOf(leadId)));
            } else if (template.startsWith("sessions/")) {
                values.put("sessionId", List.of(String.valueOf(sessionId)));
            } else if (template.startsWith("admin/users/")) {
                // the name Vaadin gives the parameter of a HasUrlParameter view
                values.put("___url_parameter", List.of(String.valueOf(adminId)));
            }
            return values;
        }

        /** More addresses of a route, with the query parameters that choose what it shows. */
        List<String> queries(String template) {
            return switch (template) {
                case "timetable" -> List.of("timetable?scope=campus&id=" + campusId,
                        "timetable?scope=teacher&id=" + teacherId, "timetable?scope=room&id=" + roomId,
                        "timetable?scope=class&id=" + classId, "timetable?scope=student&id=" + studentId);
                case "reports" -> List.of("reports?report=class-roster&classId=" + classId);
                case "leads/board" -> List.of("leads/board?campus=" + campusId);
                default -> List.of();
            };
        }
    }
}
