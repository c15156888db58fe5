package io.campuscrm.e2e;

import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The frame of every signed-in view: the side navigation ({@code #main-nav}), the user menu ({@code #user-menu}) and
 * the view in the middle (the dashboard after signing in).
 * <p>
 * In Vaadin 25 the user menu's sub-menu items are {@code vaadin-menu-bar-item}s in the menu bar's light DOM (inside a
 * {@code vaadin-menu-bar-submenu}), slotted into an overlay in its shadow DOM; the sign-out item has the id
 * {@code logout}.
 */
final class MainPage {

    private static final By NAV_ITEMS = By.cssSelector("#main-nav vaadin-side-nav-item");
    private static final By DASHBOARD = By.id("dashboard");
    private static final By GREETING = By.cssSelector("#dashboard h2");
    private static final By USER_MENU = By.cssSelector("#user-menu > vaadin-menu-bar-button:not([slot='overflow'])");
    private static final By SIGN_OUT = By.id("logout");
    private static final By ACCESS_DENIED_TITLE = By.cssSelector("#access-denied h2");
    private static final By NOT_FOUND_TITLE = By.cssSelector("#not-found h2");

    /**
     * True when no Vaadin client has a request to the server under way, now and a moment later: a view often asks
     * again right after its first answer (a grid's rows, a lazily built tab).
     */
    private static final String IDLE = """
            const done = arguments[arguments.length - 1];
            const idle = () => {
                const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                return !!clients && Object.values(clients)
                    .every(c => typeof c.isActive !== 'function' || !c.isActive());
            };
            if (!idle()) {
                done(false);
            } else {
                setTimeout(() => done(idle()), 250);
            }
            """;

    private final Browser browser;
    private final String baseUrl;

    private MainPage(Browser browser, String baseUrl) {
        this.browser = browser;
        this.baseUrl = baseUrl;
        browser.await().until(presenceOfElementLocated(NAV_ITEMS));
    }

    /** After signing in: waits until the dashboard is shown. */
    static MainPage expect(Browser browser, String baseUrl) {
        browser.await().until(presenceOfElementLocated(DASHBOARD));
        return new MainPage(browser, baseUrl);
    }

    /** Opens a view by its URL, as a bookmark or a typed address would. */
    MainPage open(String path) {
        browser.driver().get(baseUrl + "/" + path);
        return new MainPage(browser, baseUrl);
    }

    /** Waits until the page has what the server sends for it, so that what is checked next is what a user sees. */
    MainPage settled() {
        browser.await().until(driver -> Boolean.TRUE.equals(((JavascriptExecutor) driver).executeAsyncScript(IDLE)));
        return this;
    }

    /** The paths of the navigation items, {@code ""} being the dashboard. */
    Set<String> navigationPaths() {
        return browser.driver().findElements(NAV_ITEMS).stream()
                .map(item -> item.getDomAttribute("path"))
                .collect(Collectors.toSet());
    }

    String greeting() {
        return browser.driver().findElement(GREETING).getText();
    }

    /** The title of the access-denied message shown in place of a view the user may not open; waits for it. */
    String accessDeniedTitle() {
        return browser.await().until(presenceOfElementLocated(ACCESS_DENIED_TITLE)).getText();
    }

    /** The title of the "not found" page shown for a record that is missing or not the user's; waits for it. */
    String notFoundTitle() {
        return browser.await().until(presenceOfElementLocated(NOT_FOUND_TITLE)).getText();
    }

    /** The labels of the navigation items, as the user reads them. */
    List<String> navigationLabels() {
        return browser.driver().findElements(NAV_ITEMS).stream().map(WebElement::getText).map(String::strip).toList();
    }

    /**
     * Chooses a language in the user menu ({@code zh-CN}, {@code en}); the page is built again in it, the user stays
     * signed in.
     */
    MainPage switchLanguage(String tag) {
        var wait = browser.await().ignoring(ElementClickInterceptedException.class);
        WebElement nav = browser.driver().findElement(NAV_ITEMS);
        browser.await().until(elementToBeClickable(USER_MENU)).click();
        WebElement languages = browser.await().until(elementToBeClickable(By.id("language-menu")));
        wait.until(driver -> {
            languages.click();
            return true;
        });
        WebElement language = browser.await().until(elementToBeClickable(By.id("language-" + tag)));
        wait.until(driver -> {
            language.click();
            return true;
        });
        browser.await().until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(nav));
        return new MainPage(browser, baseUrl).settled();
    }

    LoginPage signOut() {
        var wait = browser.await().ignoring(ElementClickInterceptedException.class);
        browser.await().until(elementToBeClickable(USER_MENU)).click();
        WebElement signOut = browser.await().until(elementToBeClickable(SIGN_OUT));
        // The sub-menu opens with an animation: an early click may land on the overlay; it is simply tried again.
        wait.until(driver -> {
            signOut.click();
            return true;
        });
        return LoginPage.expect(browser, baseUrl);
    }
}
