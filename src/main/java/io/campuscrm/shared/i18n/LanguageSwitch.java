package io.campuscrm.shared.i18n;

import org.jspecify.annotations.Nullable;

/**
 * Switches the signed-in user's language: saves it on their account and shows the current screen again in it,
 * without signing out. The shell's user menu calls it; the security module, which owns accounts, provides it.
 */
public interface LanguageSwitch {

    /** Null goes back to the institution's language. */
    void switchTo(@Nullable Language language);
}
