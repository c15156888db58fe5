package io.campuscrm.scheduling.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;

import io.campuscrm.scheduling.Enrollment;
import io.campuscrm.scheduling.EnrollmentStatus;
import io.campuscrm.shared.ui.Badge;

/** The status badge of an enrollment: "Enrolled", "Waiting, number 2", "Transferred". */
final class EnrollmentTexts {

    private EnrollmentTexts() {
    }

    static Span status(Component in, Enrollment e) {
        String text = in.getTranslation(e.status().messageKey());
        if (e.status() == EnrollmentStatus.WAITING && e.waitingPosition() != null) {
            text = in.getTranslation("enrollment.waiting-position", e.waitingPosition());
        }
        return new Badge(text, switch (e.status()) {
            case ENROLLED -> Badge.Tone.SUCCESS;
            case WAITING -> Badge.Tone.CONTRAST;
            case WITHDRAWN, TRANSFERRED -> Badge.Tone.NEUTRAL;
        });
    }
}
