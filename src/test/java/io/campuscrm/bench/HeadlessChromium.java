package io.campuscrm.bench;

import java.io.File;
import java.time.Duration;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, as the end-to-end tests start it (by path, so Selenium Manager never runs: there is
 * no internet here), for benchmarks that time what a user waits for in a real browser.
 */
final class HeadlessChromium implements AutoCloseable {

    private final ChromeDriver driver;

    HeadlessChromium() {
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .usingAnyFreePort()
                .build();
        var options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-extensions", "--no-first-run",
                        "--window-size=1280,900");
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    }

    ChromeDriver driver() {
        return driver;
    }

    /** Generous: the machine has two cores shared with other builds; a wait that succeeds returns at once. */
    WebDriverWait await() {
        return new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @Override
    public void close() {
        driver.quit();
    }
}
