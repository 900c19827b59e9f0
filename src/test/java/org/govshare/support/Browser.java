package org.govshare.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium as an official's browser: Debian's {@code chromium} driven through its {@code chromium-driver},
 * both named by path so that Selenium never looks for (or downloads) a browser or a driver. It speaks Simplified
 * Chinese first and lives in Beijing time, as our users' browsers do. Screenshots go to {@code target/screenshots/}.
 *
 * <p>Where the two packages are missing the browser tests are skipped, so {@code ./mvnw verify} still runs on a
 * machine with only a JDK; {@code .ci/run} installs them and sets {@code GOVSHARE_BROWSER_TESTS=required}, under
 * which a missing browser fails the build instead.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Path CHROMIUM = Path.of(setting("GOVSHARE_CHROMIUM", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(setting("GOVSHARE_CHROMEDRIVER", "/usr/bin/chromedriver"));
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ChromeDriver driver;
    private final String base;
    private final Path profile;

    private Browser(ChromeDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    /** A fresh browser (own profile: no cookies, no cache) against the platform on this port. */
    public static Browser open(int port) {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present && "required".equals(System.getenv("GOVSHARE_BROWSER_TESTS"))) {
            throw new IllegalStateException("browser tests are required but " + CHROMIUM + " or " + DRIVER
                    + " is missing: apt-get install chromium chromium-driver");
        }
        Assumptions.assumeTrue(present, "no " + CHROMIUM + " and " + DRIVER + ": browser tests skipped"
                + " (apt-get install chromium chromium-driver)");
        try {
            Path profile = Files.createTempDirectory("govshare-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--disable-extensions", "--lang=zh-CN",
                    "--window-size=1440,1000", "--user-data-dir=" + profile);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(DRIVER.toFile())
                    .usingAnyFreePort()
                    .withEnvironment(Map.of("TZ", "Asia/Shanghai", "LANGUAGE", "zh_CN", "LANG", "zh_CN.UTF-8"))
                    .build();
            Files.createDirectories(SCREENSHOTS);
            return new Browser(new ChromeDriver(service, options), "http://localhost:" + port, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Logs in through the webapp's own login page, as an official does, and waits for the app to show. */
    public Browser logIn(String webapp, String login) {
        go("/camunda/app/" + webapp + "/default/");
        By user = By.cssSelector("input[ng-model=username]");
        By password = By.cssSelector("input[ng-model=password]");
        // the form is drawn again when the translations arrive: fill until what was filled stays
        waitUntil(d -> {
            WebElement name = waitFor(user);
            fill(name, login);
            fill(d.findElement(password), Api.PASSWORD);
            return login.equals(name.getDomProperty("value")) ? true : null;
        });
        click(By.cssSelector("form button[type=submit]"));
        waitUntil(d -> d.findElements(password).stream().noneMatch(WebElement::isDisplayed));
        return this;
    }

    public Browser go(String path) {
        driver.get(path.startsWith("http") ? path : base + path);
        return this;
    }

    public WebElement waitFor(By locator) {
        return waitUntil(d -> d.findElements(locator).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /** Waits until the page's visible text contains every one of these. */
    public String waitForText(String... texts) {
        return waitUntil(d -> {
            String shown = text();
            return List.of(texts).stream().allMatch(shown::contains) ? shown : null;
        });
    }

    /** Waits for the condition; when it never holds, the screen is kept as {@code failed-<n>.png} to see why. */
    public <T> T waitUntil(ExpectedCondition<T> condition) {
        try {
            return new WebDriverWait(driver, PATIENCE).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(condition);
        } catch (org.openqa.selenium.TimeoutException e) {
            Path shot = screenshot("failed-" + System.currentTimeMillis());
            throw new AssertionError("the page never showed what was awaited (see " + shot + "); it reads:\n" + text(), e);
        }
    }

    /** The visible text of the whole page. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Visible text plus the values of form fields, which {@link #text()} does not include. */
    public String textWithFieldValues() {
        Object values = ((JavascriptExecutor) driver).executeScript(
                "return Array.from(document.querySelectorAll('input, textarea, select')).map(e => e.value).join('\\n');");
        return text() + "\n" + values;
    }

    /**
     * Puts a value into a field and tells the page, as typing would: headless Chromium's synthetic key presses do not
     * reach Angular's and form-js's inputs here, their {@code input} and {@code change} listeners do.
     */
    public void fill(WebElement field, String value) {
        script("const f = arguments[0]; f.focus(); f.value = arguments[1];"
                + " f.dispatchEvent(new Event('input', {bubbles: true}));"
                + " f.dispatchEvent(new Event('change', {bubbles: true})); f.blur();", field, value);
    }

    /** Clicks as the page's own script would; native clicks do not always reach the page in headless Chromium here. */
    public void click(WebElement element) {
        script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }

    /** Picks the option of a form's radio group or checkboxes by the text of its label. */
    public void choose(String label) {
        clickFirst(d -> d.findElements(By.tagName("label")).stream()
                .filter(l -> l.getText().trim().equals(label)).findFirst().orElse(null));
    }

    /** Clicks the first visible element the locator finds. */
    public void click(By locator) {
        clickFirst(d -> d.findElements(locator).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    /**
     * Finds and clicks in one step, again until it holds: Tasklist redraws its list and form while it refreshes, and an
     * element found a moment earlier may be gone by the click.
     */
    public void clickFirst(java.util.function.Function<org.openqa.selenium.WebDriver, WebElement> find) {
        waitUntil(d -> {
            WebElement element = find.apply(d);
            if (element == null) {
                return null;
            }
            click(element);
            return true;
        });
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /**
     * Checks the screen shown now with axe-core against the platform's accessibility bar (see {@link Accessibility}):
     * fails naming the rule id, impact and elements of every violation above it. Call it once the screen has drawn.
     */
    public Browser assertAccessible(String screen) {
        List<String> above = Accessibility.aboveTheBar(driver, screen);
        if (!above.isEmpty()) {
            throw new AssertionError(screen + " (" + driver.getCurrentUrl() + ") breaks the accessibility bar:\n  "
                    + String.join("\n  ", above) + "\n(every violation: " + Accessibility.REPORTS.resolve(screen + ".txt") + ")");
        }
        return this;
    }

    /** A screenshot of the window to {@code target/screenshots/<name>.png}. */
    public Path screenshot(String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        try {
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            org.springframework.util.FileSystemUtils.deleteRecursively(profile.toFile());
        }
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
