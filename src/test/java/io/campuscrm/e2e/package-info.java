/**
 * End-to-end tests in a real headless Chromium against the whole application: page objects for what a user sees
 * ({@link io.campuscrm.e2e.LoginPage}, {@link io.campuscrm.e2e.MainPage}) and journeys that go through them, so a
 * change of the DOM is fixed in one page object instead of in every test.
 */
@NullMarked
package io.campuscrm.e2e;

import org.jspecify.annotations.NullMarked;
