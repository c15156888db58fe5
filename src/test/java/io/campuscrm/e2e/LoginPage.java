package io.campuscrm.e2e;

import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;

import java.net.URI;

import org.openqa.selenium.By;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.WebElement;

/**
 * The sign-in page ({@code /login}): Vaadin's login form, whose fields are native inputs in the light DOM (so that
 * password managers find them) and whose error message lives in the shadow DOM of the form's wrapper.
 */
final class LoginPage {

    private static final By FORM = By.cssSelector("vaadin-login-form");
    private static final By USERNAME = By.cssSelector("vaadin-login-form input[name='username']");
    private static final By PASSWORD = By.cssSelector("vaadin-login-form input[name='password']");
    private static final By SUBMIT = By.cssSelector("vaadin-login-form vaadin-button[slot='submit']");
    private static final By FORM_WITH_ERROR = By.cssSelector("vaadin-login-form[error]");

    private final Browser browser;
    private final String baseUrl;

    private LoginPage(Browser browser, String baseUrl) {
        this.browser = browser;
        this.baseUrl = baseUrl;
        browser.await().until(presenceOfElementLocated(USERNAME));
    }

    static LoginPage open(Browser browser, String baseUrl) {
        browser.driver().get(baseUrl + "/login");
        return new LoginPage(browser, baseUrl);
    }

    /** For a page that should have ended up at the sign-in page: waits until it shows it. */
    static LoginPage expect(Browser browser, String baseUrl) {
        browser.await().until(driver -> "/login".equals(URI.create(driver.getCurrentUrl()).getPath()));
        return new LoginPage(browser, baseUrl);
    }

    MainPage signInAs(String username, String password) {
        submit(username, password);
        return MainPage.expect(browser, baseUrl);
    }

    /** Submits credentials that should be refused, and waits for the page that says so. */
    LoginPage signInExpectingFailure(String username, String password) {
        submit(username, password);
        browser.await().until(presenceOfElementLocated(FORM_WITH_ERROR));
        return new LoginPage(browser, baseUrl);
    }

    private void submit(String username, String password) {
        var driver = browser.driver();
        driver.findElement(USERNAME).sendKeys(username);
        driver.findElement(PASSWORD).sendKeys(password);
        browser.await().until(elementToBeClickable(SUBMIT)).click();
    }

    boolean showsForm() {
        return browser.driver().findElement(FORM).isDisplayed();
    }

    String path() {
        return URI.create(browser.driver().getCurrentUrl()).getPath();
    }

    boolean showsError() {
        return !browser.driver().findElements(FORM_WITH_ERROR).isEmpty() && errorMessage().isDisplayed();
    }

    String errorTitle() {
        return errorMessage().findElement(By.cssSelector("[part='error-message-title']")).getText();
    }

    String errorDescription() {
        return errorMessage().findElement(By.cssSelector("[part='error-message-description']")).getText();
    }

    private WebElement errorMessage() {
        SearchContext form = browser.driver().findElement(FORM).getShadowRoot();
        SearchContext wrapper = form.findElement(By.cssSelector("vaadin-login-form-wrapper")).getShadowRoot();
        return wrapper.findElement(By.cssSelector("[part='error-message']"));
    }
}
