package io.campuscrm.scheduling.ui;

import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Span;

import io.campuscrm.scheduling.ClassDetails;
import io.campuscrm.shared.i18n.Lists;
import io.campuscrm.shared.ui.Badge;
import io.campuscrm.shared.ui.FieldList;

/**
 * A class's own fields as text, what its page opens on (decision 0051): reading is the common case, and text is what
 * the browser draws fastest; the form with its pickers is built when an administrator chooses "Edit".
 */
class ClassFacts extends Composite<FieldList> {

    /** The names the class's ids stand for, looked up by the page. */
    record Names(String course, @Nullable String term, @Nullable String campus, String room, List<String> teachers) {
    }

    ClassFacts(ClassDetails details, Names names) {
        setId("class-facts");
        var texts = ScheduleTexts.of(this);
        var dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale());
        var code = text(details.code());
        code.setId("class-code-text");
        entry("class.code", code);
        entry("class.name", text(details.name()));
        entry("class.course", text(names.course()));
        entry("class.term", text(names.term()));
        entry("class.campus", text(names.campus()));
        entry("class.room", text(names.room()));
        entry("class.capacity", text(String.valueOf(details.capacity())));
        entry("class.status", new Badge(getTranslation(details.status().messageKey()), Badge.Tone.NEUTRAL));
        entry("class.teachers", text(Lists.join(getLocale(), names.teachers())));
        var recurrence = details.recurrence();
        entry("class.schedule", text(recurrence == null ? getTranslation("class.schedule.none")
                : texts.recurrence(recurrence) + " · " + dates.format(recurrence.from()) + " – "
                        + dates.format(recurrence.to())));
        entry("class.waiting-list", text(getTranslation(details.waitingListEnabled() ? "class.waiting-list.on"
                : "class.waiting-list.off")));
    }

    private void entry(String labelKey, Component value) {
        getContent().add(getTranslation(labelKey), value);
    }

    private static Span text(@Nullable String value) {
        return FieldList.text(value);
    }
}
