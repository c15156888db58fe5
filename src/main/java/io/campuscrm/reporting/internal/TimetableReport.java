package io.campuscrm.reporting.internal;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.context.MessageSource;
import org.springframework.data.domain.Pageable;

import io.campuscrm.reporting.ReportChoice;
import io.campuscrm.reporting.ReportInfo;
import io.campuscrm.reporting.ReportParameter;
import io.campuscrm.reporting.ReportRequest;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.timetable.TimetableBlock;
import io.campuscrm.shared.timetable.TimetableColors;
import io.campuscrm.shared.timetable.TimetableWeeks;

import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.data.JRMapCollectionDataSource;

/**
 * A printable week timetable ({@code reports/timetable-week.jrxml}), the same for every kind: a teacher's, a room's,
 * a class's, a student's or a campus's week. Each kind is a bean built in this module from a {@link Source} that
 * calls the owning module's read API, e.g. for a teacher:
 *
 * <pre>{@code
 * @Bean
 * TimetableReport teacherTimetable(SchedulingService scheduling, MessageSource messages) {
 *     var info = new ReportInfo("timetable-teacher", titleKey, descriptionKey,
 *             List.of(ReportParameter.requiredText("teacher", teacherLabelKey)));
 *     return new TimetableReport(info, Set.of(Role.ADMIN, Role.TEACHER), (request, monday) -> {
 *         long teacher = Long.parseLong(request.parameters().get("teacher"));
 *         return new TimetableReport.Timetable(scheduling.teacherName(teacher), scheduling
 *                 .sessionsBetween(teacher, monday, monday.plusDays(7)).stream().map(toBlock).toList());
 *     }, messages);
 * }
 * }</pre>
 *
 * Every kind takes the parameter {@value #WEEK} (any day of the week, ISO-8601) before its own.
 */
public class TimetableReport implements ReportDefinition {

    public static final String WEEK = "week";
    static final String TEMPLATE = "timetable-week";

    /** The blocks of one week and what the timetable is of, for a request's own parameters. */
    @FunctionalInterface
    public interface Source {
        Timetable timetable(ReportRequest request, LocalDate monday);
    }

    /**
     * @param subject what the timetable is of, printed after its title (e.g. "Room 101 · Orchard"); may be blank
     * @param blocks  the week's blocks, in any order; blocks outside the week are left out
     */
    public record Timetable(String subject, List<TimetableBlock> blocks) {
    }

    /** The options of the source's own choice parameters (a picker of what the timetable is of). */
    public interface Choices {
        List<ReportChoice> choices(String parameter, String text, Pageable page);

        Optional<ReportChoice> choice(String parameter, String value);
    }

    private static final Choices NO_CHOICES = new Choices() {
        @Override
        public List<ReportChoice> choices(String parameter, String text, Pageable page) {
            return List.of();
        }

        @Override
        public Optional<ReportChoice> choice(String parameter, String value) {
            return Optional.empty();
        }
    };

    private final ReportInfo info;
    private final Set<Role> allowedRoles;
    private final Source source;
    private final MessageSource messages;
    private final Choices choices;

    /** @param info the catalog entry, with the parameters the source needs besides {@value #WEEK} */
    public TimetableReport(ReportInfo info, Set<Role> allowedRoles, Source source, MessageSource messages) {
        this(info, allowedRoles, source, messages, NO_CHOICES);
    }

    /** @param choices the options of the choice parameters among {@code info}'s */
    public TimetableReport(ReportInfo info, Set<Role> allowedRoles, Source source, MessageSource messages,
            Choices choices) {
        this.choices = choices;
        this.info = new ReportInfo(info.id(), info.titleKey(), info.descriptionKey(), Stream.concat(
                Stream.of(ReportParameter.requiredDate(WEEK, "report.timetable.week")), info.parameters().stream())
                .toList());
        this.allowedRoles = Set.copyOf(allowedRoles);
        this.source = source;
        this.messages = messages;
    }

    @Override
    public ReportInfo info() {
        return info;
    }

    @Override
    public List<ReportChoice> choices(String parameter, String text, Pageable page) {
        return choices.choices(parameter, text, page);
    }

    @Override
    public Optional<ReportChoice> choice(String parameter, String value) {
        return choices.choice(parameter, value);
    }

    @Override
    public String template() {
        return TEMPLATE;
    }

    @Override
    public Set<Role> allowedRoles() {
        return allowedRoles;
    }

    @Override
    public JRDataSource fill(ReportRequest request, Map<String, Object> parameters) {
        Locale locale = request.locale();
        LocalDate monday = TimetableWeeks.mondayOf(LocalDate.parse(request.parameters().get(WEEK)));
        LocalDate sunday = monday.plusDays(6);
        Timetable timetable = source.timetable(request, monday);
        var longDate = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        parameters.put("TIMETABLE_SUBJECT", timetable.subject());
        parameters.put("WEEK_LABEL", messages.getMessage("timetable.week-label", new Object[] {
                TimetableWeeks.weekNumber(monday), longDate.format(monday), longDate.format(sunday)}, locale));
        var dayFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(locale);
        var time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale);
        String cancelled = messages.getMessage("timetable.cancelled", null, locale);
        List<Map<String, ?>> rows = new ArrayList<>();
        timetable.blocks().stream()
                .filter(b -> !b.day().isBefore(monday) && !b.day().isAfter(sunday))
                .sorted(Comparator.comparing(TimetableBlock::start).thenComparing(TimetableBlock::end)
                        .thenComparing(TimetableBlock::title))
                .forEach(block -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("dayKey", block.day().toString());
                    row.put("day", dayFormat.format(block.day()));
                    row.put("time", messages.getMessage("timetable.time-range", new Object[] {
                            time.format(block.start()), time.format(block.end())}, locale));
                    row.put("title", block.title());
                    row.put("subtitle", block.subtitle());
                    row.put("status", block.cancelled() ? cancelled : null);
                    row.put("cancelled", block.cancelled());
                    row.put("color", TimetableColors.hex(block.colorKey()));
                    rows.add(row);
                });
        return new JRMapCollectionDataSource(rows);
    }
}
