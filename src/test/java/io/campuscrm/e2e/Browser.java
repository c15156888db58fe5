package io.campuscrm.e2e;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Chromium for a whole test class (register it as a {@code static} {@code @RegisterExtension} field):
 * started on first use, its cookies cleared before each test so every test starts signed out, and closed after the
 * class. When a test fails, a screenshot and the page source go to {@code target/e2e-failures}.
 * <p>
 * Debian's Chromium and ChromeDriver are given by path, so Selenium Manager never runs (it would try to download a
 * browser and a driver, and there is no internet here).
 */
final class Browser implements BeforeEachCallback, AfterAllCallback, TestWatcher {

    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /** Generous: the machine has two cores and may be running another build; a wait that succeeds returns at once. */
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Path FAILURES = Path.of("target", "e2e-failures");

    private final @Nullable String languages;
    private @Nullable WebDriver driver;

    /** A browser that asks for English, as the machine's Chromium does. */
    Browser() {
        this(null);
    }

    /** A browser whose user prefers these languages ({@code zh-CN,zh}): its requests' Accept-Language. */
    Browser(@Nullable String languages) {
        this.languages = languages;
    }

    WebDriver driver() {
        if (driver == null) {
            var service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(CHROMEDRIVER))
                    .usingAnyFreePort()
                    .build();
            var options = new ChromeOptions()
                    .setBinary(CHROMIUM)
                    .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                            "--disable-background-networking", "--disable-extensions", "--no-first-run",
                            "--window-size=1280,900");
            if (languages != null) {
                options.addArguments("--lang=" + languages.split(",")[0], "--accept-lang=" + languages);
                options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", languages));
            }
            driver = new ChromeDriver(service, options);
        }
        return driver;
    }

    WebDriverWait await() {
        return new WebDriverWait(driver(), TIMEOUT);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (driver != null) {
            // Cookies belong to the page's site: the previous test left the browser on the application.
            driver.manage().deleteAllCookies();
            driver.get("about:blank");
        }
    }

    @Override
    public void testFailed(ExtensionContext context, @Nullable Throwable cause) {
        if (driver == null) {
            return;
        }
        String method = context.getRequiredTestMethod().getName();
        String display = context.getDisplayName();
        // A parameterized test's display name tells its runs apart; a plain one's merely repeats the method.
        String name = (display.startsWith(method) ? method : method + "-" + display)
                .replaceAll("[^A-Za-z0-9_.-]+", "_");
        try {
            Files.createDirectories(FAILURES);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(FAILURES.resolve(name + ".png"), png);
            Files.writeString(FAILURES.resolve(name + ".html"),
                    driver.getCurrentUrl() + "\n" + Optional.ofNullable(driver.getPageSource()).orElse(""));
        } catch (IOException | RuntimeException e) {
            // A crashed browser takes no screenshot: the test's own failure is what matters, so only note it.
            context.publishReportEntry("screenshot", "not taken: " + e);
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }
}
