package io.campuscrm.shared.i18n;

import java.util.Locale;

/**
 * The locale of whoever will read the message being made now, for services that write dates or times into a
 * message's arguments (a clash's "Wed 4 Mar 2026, 4:00 pm", a timeline entry's date): the screen's locale while a
 * screen is being served, so that a Chinese reader gets "周三 2026年3月4日, 16:00" in a Chinese sentence; the
 * institution's locale otherwise (a background job, a test without a screen). The institution module provides it.
 */
public interface ReaderLocale {

    Locale get();
}
