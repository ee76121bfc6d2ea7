package io.toktik.server.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** One headless Debian Chromium, driven by its chromedriver, with its own fresh profile and a viewport size. */
final class Browser implements AutoCloseable {
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Dimension PHONE = new Dimension(390, 844);
    static final Dimension DESKTOP = new Dimension(1440, 900);
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Processing a short clip on a busy 2-core machine: generous, it is an upper bound only. */
    static final Duration PATIENCE = Duration.ofMinutes(3);

    private final ChromeDriver driver;
    private final Path profile;
    private final String base;

    Browser(String base, Dimension viewport) {
        this.base = base;
        try {
            profile = Files.createTempDirectory("toktik-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments(
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--user-data-dir=" + profile,
                "--window-size=" + viewport.width + "," + viewport.height);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).build();
        driver = new ChromeDriver(service, options);
        fitViewport(viewport);
    }

    /** The window size includes no browser chrome in headless mode, but make sure the page sees exactly the viewport. */
    private void fitViewport(Dimension viewport) {
        driver.manage().window().setSize(viewport);
        long innerWidth = (Long) js("return window.innerWidth");
        long innerHeight = (Long) js("return window.innerHeight");
        if (innerWidth != viewport.width || innerHeight != viewport.height) {
            driver.manage().window().setSize(new Dimension(
                    2 * viewport.width - (int) innerWidth, 2 * viewport.height - (int) innerHeight));
        }
    }

    void open(String path) {
        driver.get(base + path);
    }

    WebElement find(String css) {
        return until(d -> d.findElements(By.cssSelector(css)).stream().filter(WebElement::isDisplayed).findFirst().orElse(null));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    <T> T until(Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, PATIENCE, Duration.ofMillis(100)).until(condition);
    }

    /** Waits until the {@code <video>} matched by css has played past {@code seconds} (it plays, not only loads). */
    void waitUntilPlayedPast(String css, double seconds) {
        until(d -> {
            Object t = js("const v = document.querySelector(arguments[0]); return v ? v.currentTime : 0", css);
            return ((Number) t).doubleValue() > seconds;
        });
    }

    /** Moves the mouse over the element at {@code fraction} of its width, halfway down. */
    void hover(String css, double fraction) {
        WebElement element = find(css);
        int fromCentre = (int) Math.round((fraction - 0.5) * element.getSize().getWidth());
        new Actions(driver).moveToElement(element, fromCentre, 0).perform();
    }

    String path() {
        return (String) js("return location.pathname + location.search");
    }

    void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the page logged: printed when a test fails, to say why. */
    String consoleLog() {
        StringBuilder out = new StringBuilder();
        driver.manage().logs().get(LogType.BROWSER).forEach(entry -> out.append(entry.getLevel()).append(' ')
                .append(entry.getMessage()).append('\n'));
        return out.toString();
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile is harmless
        }
    }
}
