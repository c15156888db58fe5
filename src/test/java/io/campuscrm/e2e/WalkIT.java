package io.campuscrm.e2e;

import static org.openqa.selenium.support.ui.ExpectedConditions.elementToBeClickable;
import static org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;

class WalkIT {

    @RegisterExtension
    static final Browser browser = new Browser();

    static final String BASE = "http://localhost:8080";

    void shot(String name) throws Exception {
        Thread.sleep(1500);
        byte[] png = ((TakesScreenshot) browser.driver()).getScreenshotAs(OutputType.BYTES);
        Files.write(Path.of("/tmp/shots/" + name + ".png"), png);
    }

    @Test
    void walk() throws Exception {
        String who = System.getProperty("walk.user", "teacher");
        String paths = System.getProperty("walk.paths", "today");
        int w = Integer.getInteger("walk.width", 768);
        int h = Integer.getInteger("walk.height", 1024);
        browser.driver().manage().window().setSize(new Dimension(w, h));
        var main = LoginPage.open(browser, BASE).signInAs(who, "campus-demo");
        int i = 0;
        for (String path : paths.split(",")) {
            if (path.startsWith("click:")) {
                browser.await().until(elementToBeClickable(By.cssSelector(path.substring(6)))).click();
                shot(who + "-" + (i++) + "-click");
                continue;
            }
            main.open(path);
            shot(who + "-" + (i++) + "-" + path.replaceAll("[^a-z0-9]+", "_"));
        }
    }
}
