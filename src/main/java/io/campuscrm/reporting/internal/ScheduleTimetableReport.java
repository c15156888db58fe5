package io.campuscrm.reporting.internal;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.campuscrm.reporting.ReportFormat;
import io.campuscrm.reporting.ReportInfo;
import io.campuscrm.reporting.ReportParameter;
import io.campuscrm.reporting.ReportRequest;
import io.campuscrm.reporting.ReportService;
import io.campuscrm.scheduling.ScheduledSession;
import io.campuscrm.scheduling.TimetablePrinter;
import io.campuscrm.scheduling.TimetableScope;
import io.campuscrm.scheduling.TimetableService;
import io.campuscrm.shared.domain.DomainException;
import io.campuscrm.shared.security.Role;
import io.campuscrm.shared.timetable.TimetableBlock;
import io.campuscrm.shared.timetable.TimetableWeeks;

/**
 * The printable week timetable of a campus, teacher, room, class or student ({@value #ID}, parameter
 * {@value #SUBJECT} besides the week: a choice by name, whose value is the kind and the id, {@code teacher:42}),
 * filled from the scheduling module's sessions. Everyone who
 * sees timetables may print them; the scheduling module decides what each of them sees, as on the screen. The same
 * report prints the timetable view's "Print" button, through {@link TimetablePrinter}.
 */
@Configuration(proxyBeanMethods = false)
class ScheduleTimetableReport {

    static final String ID = "timetable";
    static final String SUBJECT = "subject";

    @Bean
    TimetableReport scheduleTimetable(TimetableService timetables, MessageSource messages,
            TimetableSubjects subjects) {
        var info = new ReportInfo(ID, "report.timetable.title", "report.timetable.description", List.of(
                ReportParameter.requiredChoice(SUBJECT, "report.timetable.subject")));
        return new TimetableReport(info, Set.of(Role.ADMIN, Role.ADMISSIONS, Role.TEACHER, Role.FINANCE),
                (request, monday) -> {
                    var scope = scope(request);
                    String name = timetables.subjectName(scope)
                            .orElseThrow(() -> new DomainException(SUBJECT, "timetable.not-available"));
                    String subject = messages.getMessage("report.timetable.subject." + scope.kind(),
                            new Object[] {name}, request.locale());
                    boolean roomShown = !(scope instanceof TimetableScope.RoomScope);
                    var blocks = timetables.sessionsBetween(scope, monday, monday.plusDays(7)).stream()
                            .map(s -> printed(s, roomShown)).toList();
                    return new TimetableReport.Timetable(subject, blocks);
                }, messages, subjects);
    }

    @Bean
    TimetablePrinter timetablePrinter(ReportService reports) {
        return new TimetablePrinter() {
            @Override
            public String fileName(TimetableScope scope, LocalDate anyDay) {
                return "timetable-" + scope.kind() + "-" + scope.id() + "-" + TimetableWeeks.mondayOf(anyDay)
                        + ".pdf";
            }

            @Override
            public void printPdf(TimetableScope scope, LocalDate anyDay, Locale locale, OutputStream out) {
                reports.render(new ReportRequest(ID, ReportFormat.PDF, locale, Map.of(TimetableReport.WEEK,
                        anyDay.toString(), SUBJECT, TimetableSubjects.value(scope))), out);
            }
        };
    }

    private static TimetableScope scope(ReportRequest request) {
        String value = request.parameters().getOrDefault(SUBJECT, "");
        return TimetableSubjects.scope(value)
                .orElseThrow(() -> new DomainException(SUBJECT, "report.timetable.error.subject", value));
    }

    /** Paper has room for the course beside the class code (on a room's timetable it is in the details already). */
    private static TimetableBlock printed(ScheduledSession session, boolean roomShown) {
        var block = session.asBlock(roomShown);
        return roomShown ? new TimetableBlock(block.id(), block.title() + " · " + session.courseName(),
                block.subtitle(), block.start(), block.end(), block.colorKey(), block.cancelled()) : block;
    }
}
