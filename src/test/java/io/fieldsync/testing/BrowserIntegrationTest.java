package io.fieldsync.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The whole connector, as {@link MariaDbIntegrationTest}, seen through the console in Debian's
 * {@code chromium}, driven by its {@code chromium-driver} (both installed by {@code .ci/run}; no
 * browser is downloaded at test time). One headless browser per test class, logged out before
 * every test. {@link #screenshot} saves a page for the README into {@code docs/console/}.
 */
public abstract class BrowserIntegrationTest extends MariaDbIntegrationTest {

    private static final Path CHROMIUM = Path.of(System.getProperty("test.chromium", "/usr/bin/chromium"));
    private static final Path CHROMEDRIVER = Path.of(System.getProperty("test.chromedriver", "/usr/bin/chromedriver"));
    private static final Path SCREENSHOTS = Path.of("docs", "console");
    /** Where the browser saves what a page downloads (a report's CSV). */
    private static final Path DOWNLOADS = Path.of("target", "browser-downloads").toAbsolutePath();
    private static WebDriver browser;

    @LocalServerPort
    protected int port;

    protected WebDriver browser() {
        if (browser == null) {
            if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(CHROMEDRIVER)) {
                throw new IllegalStateException("The console's browser tests need Debian's chromium and chromium-driver ("
                        + CHROMIUM + ", " + CHROMEDRIVER + "): apt-get install chromium chromium-driver, as .ci/run does");
            }
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,900",
                    "--disable-gpu", "--lang=en-AU");
            options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", DOWNLOADS.toString(),
                    "download.prompt_for_download", false));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
            browser = new ChromeDriver(service, options);
        }
        return browser;
    }

    @BeforeEach
    void loggedOut() {
        browser().get(url("/login.html"));
        browser().manage().deleteAllCookies();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    /** The browser's download directory, created empty: what a page saves arrives here. */
    protected Path downloads() {
        try {
            Files.createDirectories(DOWNLOADS);
            try (var files = Files.list(DOWNLOADS)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            return DOWNLOADS;
        } catch (IOException e) {
            throw new IllegalStateException("Could not empty " + DOWNLOADS, e);
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Logs in through the login page and waits for the overview (or {@code page}) to show who is logged in. */
    protected void logIn(String name, String password) {
        browser().get(url("/login.html"));
        find(By.id("username")).sendKeys(name);
        find(By.id("password")).sendKeys(password);
        find(By.id("sign-in")).click();
        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("header.top .who"), name));
    }

    protected void logInAsOperator() {
        logIn(OPERATOR, OPERATOR_PASSWORD);
    }

    protected void logInAsViewer() {
        logIn(VIEWER, VIEWER_PASSWORD);
    }

    /** Opens one of the console's pages, logged in, and waits for its header. */
    protected void open(String page) {
        browser().get(url("/" + page));
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("header.top .who")));
    }

    protected WebElement find(By by) {
        return waitFor(ExpectedConditions.presenceOfElementLocated(by));
    }

    protected <T> T waitFor(org.openqa.selenium.support.ui.ExpectedCondition<T> condition) {
        return waitFor(condition, Duration.ofSeconds(20));
    }

    protected <T> T waitFor(org.openqa.selenium.support.ui.ExpectedCondition<T> condition, Duration patience) {
        return new WebDriverWait(browser(), patience, Duration.ofMillis(100)).until(condition);
    }

    /** Saves what the browser shows as {@code docs/console/<name>.png}, the README's pictures of the console. */
    protected void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path shot = ((ChromeDriver) browser()).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("Could not save the screenshot " + name, e);
        }
    }
}
