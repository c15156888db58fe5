package io.campuscrm.e2e;

import java.time.LocalDate;
import java.time.LocalTime;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * Filling Vaadin fields as a user does: typing into text fields, picking from a combo box's drop-down, ticking
 * checkboxes by their label. Date and time pickers get their ISO value set on the element, as their own
 * calendar and clock pop-ups would, then the change event.
 */
final class VaadinFields {

    private final Browser browser;

    VaadinFields(Browser browser) {
        this.browser = browser;
    }

    /** Types into a text field and leaves it; retried while a freshly opened form is still being filled in. */
    void type(String id, String text) {
        browser.await().until(d -> {
            WebElement input = input(id);
            if (!input.isDisplayed() || !input.isEnabled()) {
                return false;
            }
            press(input);
            input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
            input.sendKeys(text);
            if (!text.equals(input.getDomProperty("value"))) {
                return false;
            }
            input.sendKeys(Keys.TAB);
            return true;
        });
    }

    /** Types the text into a (multi-select) combo box and clicks the first suggestion that contains it. */
    void choose(String id, String text) {
        WebElement input = input(id);
        press(input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
        WebElement item = browser.await().until(d -> d.findElements(By.xpath(
                "//*[self::vaadin-combo-box-item or self::vaadin-multi-select-combo-box-item]"
                        + "[contains(normalize-space(.), " + literal(text) + ")]"))
                .stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
        press(item);
        input.sendKeys(Keys.ESCAPE);
    }

    /** Waits until the combo box shows nothing chosen (after the server cleared it). */
    void awaitCleared(String id) {
        WebElement input = input(id);
        browser.await().until(d -> {
            String value = input.getDomProperty("value");
            return value == null || value.isEmpty();
        });
    }

    void date(String id, LocalDate date) {
        setValue(id, date.toString());
    }

    void time(String id, LocalTime time) {
        setValue(id, time.toString());
    }

    /** Ticks the checkbox of a checkbox group (or a lone checkbox) whose label contains the text. */
    void tick(String groupId, String label) {
        WebElement box = browser.await().until(d -> d.findElement(By.id(groupId)).findElements(
                By.xpath(".//vaadin-checkbox[contains(normalize-space(.), " + literal(label) + ")]"))
                .stream().findFirst().orElse(null));
        if (box.getDomAttribute("checked") == null) {
            press(box);
        }
    }

    void tickSelf(String id) {
        WebElement box = browser.driver().findElement(By.id(id));
        if (box.getDomAttribute("checked") == null) {
            box.click();
        }
    }

    void click(String id) {
        WebElement button = browser.await().until(d -> {
            WebElement candidate = d.findElement(By.id(id));
            return candidate.isEnabled() && candidate.getDomAttribute("disabled") == null ? candidate : null;
        });
        press(button);
    }

    /** Scrolls the element into view and clicks it. */
    private void press(WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});",
                element);
        try {
            element.click();
        } catch (org.openqa.selenium.ElementClickInterceptedException coveredByANotification) {
            // A notification toast may sit over it for a few seconds; a user would click past it.
            ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].click();", element);
        }
    }

    /** Waits until the page (notifications and field errors are in the light DOM) shows the text. */
    void awaitText(String text) {
        browser.await().until(d -> d.getPageSource().contains(text));
    }

    private void setValue(String id, String value) {
        WebElement field = browser.await().until(d -> d.findElement(By.id(id)));
        ((JavascriptExecutor) browser.driver()).executeScript("""
                arguments[0].value = arguments[1];
                arguments[0].dispatchEvent(new CustomEvent('change', {bubbles: true}));
                """, field, value);
    }

    private WebElement input(String id) {
        return browser.await().until(d -> d.findElement(By.id(id)).findElement(By.cssSelector("input, textarea")));
    }

    private static String literal(String text) {
        return text.contains("'") ? "\"" + text + "\"" : "'" + text + "'";
    }
}
