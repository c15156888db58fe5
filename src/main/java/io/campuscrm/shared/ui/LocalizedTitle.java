package io.campuscrm.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.HasDynamicTitle;

/** A view whose browser title and header come from an i18n key (usually its navigation entry's). */
public interface LocalizedTitle extends HasDynamicTitle {

    String titleKey();

    @Override
    default String getPageTitle() {
        return UI.getCurrent().getTranslation(titleKey());
    }
}
