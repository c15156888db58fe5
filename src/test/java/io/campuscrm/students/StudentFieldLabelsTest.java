package io.campuscrm.students;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.junit.jupiter.api.Test;

import io.campuscrm.shared.i18n.Lists;

class StudentFieldLabelsTest {

    @Test
    void everyFieldOfAStudentHasALabelInBothLanguagesForTheTimeline() {
        for (Locale locale : List.of(Locale.ROOT, Locale.SIMPLIFIED_CHINESE)) {
            var bundle = ResourceBundle.getBundle("vaadin-i18n.messages", locale);
            for (var component : StudentDraft.class.getRecordComponents()) {
                assertThat(bundle.containsKey(StudentChanges.fieldLabelKey(component.getName())))
                        .as(component.getName() + " in " + locale).isTrue();
            }
        }
        assertThat(StudentChanges.fieldLabelKey("birthDate")).isEqualTo("student.birth-date");
        assertThat(StudentChanges.fieldLabelKey("campusId")).isEqualTo("student.campus");
    }

    @Test
    void aListOfKeysIsReadBackAsItsKeysAndPlainTextAsNone() {
        String argument = TimelineEntry.keys(List.of("student.phone", "student.email"));
        assertThat(TimelineEntry.keysOf(argument)).containsExactly("student.phone", "student.email");
        assertThat(TimelineEntry.keysOf(TimelineEntry.key("student.status.paused")))
                .containsExactly("student.status.paused");
        assertThat(TimelineEntry.keysOf("phone, email")).as("a line written before labels were keys").isEmpty();
        assertThat(Lists.join(Locale.SIMPLIFIED_CHINESE, List.of("电话", "邮箱"))).isEqualTo("电话、邮箱");
    }
}
