package io.nohold.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through chromedriver, both from Debian at fixed paths, so that Selenium Manager never
 * looks for or downloads a browser or driver. Every browser gets a fresh profile, removed on close. Screenshots go to
 * {@code target/screenshots/<test>-<step>.png}.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    /** Generous: the machine may be busy with other builds. */
    public static final Duration PATIENCE = Duration.ofSeconds(20);

    static {
        // explicit paths below already keep Selenium Manager out; these make sure it never downloads anything
        System.setProperty("SE_AVOID_BROWSER_DOWNLOAD", "true");
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    }

    private final ChromeDriver driver;

    private final Path profile;

    private final String testName;

    private Browser(ChromeDriver driver, Path profile, String testName) {
        this.driver = driver;
        this.profile = profile;
        this.testName = testName;
    }

    public static Browser open(String testName) {
        Path profile;
        try {
            profile = Files.createTempDirectory("nohold-chromium-");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--window-size=1440,1000", "--user-data-dir=" + profile.toAbsolutePath());
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60)).scriptTimeout(Duration.ofSeconds(30));
        return new Browser(driver, profile, testName);
    }

    public WebDriver driver() {
        return driver;
    }

    public void go(String url) {
        driver.get(url);
    }

    public WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, PATIENCE, Duration.ofMillis(200));
        // AngularJS re-renders lists and forms while they load: look again rather than fail
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    public WebElement visible(By by) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    /**
     * Clicks an element as a person would: scrolled to the middle of its pane, on a part of it that nothing (a
     * fixed footer, a notification) covers.
     */
    public void click(WebElement element) {
        waiting().until(ExpectedConditions.elementToBeClickable(element));
        Number[] offset = waiting().until(d -> uncoveredOffset(element));
        new Actions(driver).moveToElement(element, offset[0].intValue(), offset[1].intValue()).click().perform();
    }

    /** Runs a script in the page and answers its result. */
    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public void type(WebElement element, String text) {
        click(element);
        element.sendKeys(text);
    }

    /** An offset from the element's centre at which the element itself receives a click, or null if none. */
    private Number[] uncoveredOffset(WebElement element) {
        Object found = ((JavascriptExecutor) driver).executeScript("""
                const el = arguments[0];
                el.scrollIntoView({block: 'center', inline: 'nearest', behavior: 'instant'});
                const r = el.getBoundingClientRect();
                const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
                for (const fy of [0.5, 0.3, 0.15, 0.7, 0.85]) {
                  for (const fx of [0.5, 0.2, 0.8]) {
                    const x = r.left + r.width * fx, y = r.top + r.height * fy;
                    if (y < 0 || y >= window.innerHeight || x < 0 || x >= window.innerWidth) continue;
                    const hit = document.elementFromPoint(x, y);
                    if (hit && (hit === el || el.contains(hit) || hit.contains(el) && hit.tagName === 'LABEL')) {
                      return [Math.round(x - cx), Math.round(y - cy)];
                    }
                  }
                }
                return null;
                """, element);
        if (found instanceof java.util.List<?> list) {
            return new Number[] { (Number) list.get(0), (Number) list.get(1) };
        }
        return null;
    }

    public Path screenshot(String step) {
        Path target = SCREENSHOTS.resolve(testName + "-" + step + ".png");
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    /** Ends the session: the next page asks for a login again. */
    public void forgetSession() {
        driver.manage().deleteAllCookies();
        ((JavascriptExecutor) driver).executeScript("window.localStorage.clear(); window.sessionStorage.clear();");
    }

    @Override
    public void close() {
        try {
            driver.quit();
        }
        finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
            catch (IOException e) {
                // a leftover temporary profile is harmless
            }
        }
    }

}
