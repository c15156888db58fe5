package io.campuscrm.students.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.test.context.support.WithUserDetails;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.grid.Grid;

import io.campuscrm.attendance.AttendanceFixtures;
import io.campuscrm.scheduling.CourseService;
import io.campuscrm.shared.security.SystemAuthentication;
import io.campuscrm.students.StudentChanges;
import io.campuscrm.students.StudentFiles;
import io.campuscrm.support.CampusIntegrationTest;

/**
 * The family tab lists the family's children with what other modules add about each (attendance: the lessons left
 * per course and their prepaid value, or that a child has no package), this student first.
 */
@CampusIntegrationTest
class FamilyChildrenIT extends SpringBrowserlessTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    StudentFiles files;
    @Autowired
    StudentChanges changes;
    @Autowired
    CourseService courses;

    @Test
    @WithUserDetails("admin")
    void the_family_tab_shows_each_child_with_the_lessons_and_prepaid_value_left_per_course() {
        var fixtures = new AttendanceFixtures(context);
        var k = fixtures.newClass(2);
        long elder = k.students().get(0);
        long younger = k.students().get(1);
        SystemAuthentication.run(() -> changes.moveToFamily(younger, files.file(younger).student().version(),
                files.file(elder).family().id()));
        fixtures.grant(elder, k.courseId(), 20, 90);
        String course = SystemAuthentication.call(() -> courses.get(k.courseId())).name();

        navigate(StudentNavigation.file(elder, "family"), StudentFileView.class);

        @SuppressWarnings("unchecked")
        Grid<io.campuscrm.students.StudentRef> grid = $(Grid.class).id("family-children");
        assertThat(test(grid).size()).isEqualTo(2);
        assertThat(test(grid).getRow(0).id()).isEqualTo(elder);
        assertThat(test(grid).getCellText(0, 2)).startsWith(course + ": 20 left, ").contains("1,000.00");
        assertThat(test(grid).getRow(1).id()).isEqualTo(younger);
        assertThat(test(grid).getCellText(1, 2)).isEqualTo("No lesson package");
    }
}
