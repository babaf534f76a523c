package org.kerma.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium for the browser tests: Debian's {@code /usr/bin/chromium} driven through
 * {@code /usr/bin/chromedriver} (Selenium never downloads a driver), a 1366x768 window, screenshots into
 * {@code docs/screenshots/}. A test class calls {@link #start()} first; it skips the class with a message when the
 * browser is not installed.
 */
final class Browser {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper JSON = new ObjectMapper();

    private Browser() {
    }

    static WebDriver start() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "browser tests skipped: /usr/bin/chromium or /usr/bin/chromedriver is missing (apt-get install"
                        + " chromium chromium-driver)");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--window-size=1366,768", "--lang=en-GB");
        WebDriver driver = new ChromeDriver(service, options);
        driver.manage().window().setSize(new Dimension(1366, 768));
        return driver;
    }

    static WebDriverWait waitUpTo(WebDriver driver, int seconds) {
        return new WebDriverWait(driver, Duration.ofSeconds(seconds));
    }

    /** Saves what the window shows as {@code docs/screenshots/NAME.png} (the tests run in the module directory). */
    static void screenshot(WebDriver driver, String name) throws Exception {
        Path dir = Path.of("").toAbsolutePath().getParent().resolve("docs").resolve("screenshots");
        Files.createDirectories(dir);
        Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Signs in on the sign-in page with the keyboard only (Tab to the password, Enter to submit). */
    static void signIn(WebDriver driver, String base, String name, String password) {
        driver.manage().deleteAllCookies();
        driver.get(base + "/");
        waitUpTo(driver, 10).until(ExpectedConditions.urlContains("/signin.html"));
        WebElement field = driver.findElement(By.id("name"));
        field.sendKeys(name);
        field.sendKeys(Keys.TAB);
        driver.switchTo().activeElement().sendKeys(password, Keys.ENTER);
        waitUpTo(driver, 10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("who"), name));
    }

    /** Quits the browser and closes what the test opened (the REST API, the registry), skipping what never started. */
    static void stop(WebDriver driver, AutoCloseable... opened) throws Exception {
        if (driver != null) {
            driver.quit();
        }
        for (AutoCloseable c : opened) {
            if (c != null) {
                c.close();
            }
        }
    }

    /** GET {@code base + path} with a bearer token: the REST answer the page is checked against (must be 200). */
    static JsonNode rest(String base, String token, String path) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return JSON.readTree(r.body());
    }
}
