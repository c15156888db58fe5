package io.campuscrm.scheduling.ui;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.domain.PageRequest;

import io.campuscrm.scheduling.CourseFilter;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.scheduling.RoomFilter;
import io.campuscrm.scheduling.RoomService;
import io.campuscrm.scheduling.TermService;
import io.campuscrm.shared.ui.SetupStep;

/**
 * The set-up checklist's steps of this module: a term with its holidays or closures, rooms and courses; each a
 * single query (a count, or a page of one row).
 */
@Configuration(proxyBeanMethods = false)
class SchedulingSetupSteps {

    private static final PageRequest ONE = PageRequest.of(0, 1);

    @Bean
    SetupStep termWithClosuresStep(TermService terms) {
        return SetupStep.of(20, "setup.step.terms", "admin/terms", () -> terms.countWithClosures() > 0);
    }

    @Bean
    SetupStep roomsStep(RoomService rooms) {
        return SetupStep.of(30, "setup.step.rooms", "admin/rooms",
                () -> rooms.find(new RoomFilter(null, null, true), ONE).hasContent());
    }

    @Bean
    SetupStep coursesStep(CourseService courses) {
        return SetupStep.of(40, "setup.step.courses", "admin/courses",
                () -> courses.find(new CourseFilter(null, true), ONE).hasContent());
    }
}
