package org.kerma.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.registry.Registry;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.ingest.Origin;
import org.kerma.server.auth.Accounts;
import org.kerma.server.auth.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The dose sections of the Study, Image and Patient pages against the dose REST contract
 * ({@code /work/briefs/dose-api.md}), before the dose tables exist: the three dose routes answer fixed contract
 * examples ({@code dose-contract/*.json} in the test resources) for a study that is really in the registry, and the
 * test compares what the pages show with those answers, in the display units.
 */
class DosePagesTest {
    static final String R = RestApiTest.R;
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    static Registry registry;
    static Javalin app;
    static WebDriver driver;
    static String base;
    static JsonNode studyDose;
    static JsonNode instanceDose;

    @BeforeAll
    static void start() throws Exception {
        driver = Browser.start();
        registry = Registry.open(RegistryConfig.defaults().withDataDirectory(data));
        for (String sop : List.of(R + "81.1.1", R + "81.1.2")) {
            DicomObject ds = RestApiTest.image("DOSE-1", R + "81", "20240301", "XA", R + "81.1", sop);
            registry.ingest().storeFile(new ByteArrayInputStream(RestApiTest.part10(ds)), Origin.file("dose pages"));
        }
        new Accounts(registry.index()).add("phil", Role.PHYSICIST, "physicist-password".toCharArray());
        byte[] study = resource("study-dose.json");
        byte[] instance = resource("instance-dose.json");
        byte[] patient = resource("patient-dose.json");
        studyDose = JSON.readTree(study);
        instanceDose = JSON.readTree(instance);
        app = RestApi.create(registry, RestApi.Node.none());
        app.get("/api/studies/{study}/dose", ctx -> ctx.contentType("application/json").result(study));
        app.get("/api/instances/{instance}/dose", ctx -> ctx.contentType("application/json").result(instance));
        app.get("/api/patients/{patient}/dose", ctx -> ctx.contentType("application/json").result(patient));
        app.start("127.0.0.1", 0);
        base = "http://127.0.0.1:" + app.port();
        Browser.signIn(driver, base, "phil", "physicist-password");
    }

    static byte[] resource(String name) throws Exception {
        try (InputStream in = DosePagesTest.class.getResourceAsStream("dose-contract/" + name)) {
            return in.readAllBytes();
        }
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (app != null) {
            app.stop();
        }
        if (registry != null) {
            registry.close();
        }
    }

    static String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    @Test
    void theStudyPageShowsTheSummaryPlanesEventsLinksAndTimelineOfTheDoseAnswer() throws Exception {
        driver.get(base + "/study.html?uid=" + R + "81");
        Browser.waitUpTo(driver, 10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#events table")));
        JsonNode summary = studyDose.get("summary");

        assertThat(text("sum-dap")).isEqualTo(String.format("%.2f", summary.get("dapGym2").asDouble() * 1e4));
        assertThat(text("sum-kerma")).isEqualTo(String.format("%.2f", summary.get("rpAirKermaGy").asDouble() * 1e3));
        assertThat(text("sum-fluoro")).isEqualTo("2:05");
        assertThat(text("sum-dlp")).isEqualTo("—");
        assertThat(text("sum-events")).isEqualTo(summary.get("eventCount").asText());
        assertThat(text("accumulated")).contains("Single Plane", "dose report", "3.2");

        List<WebElement> rows = driver.findElements(By.cssSelector("#events tbody tr"));
        assertThat(rows).hasSize(studyDose.get("events").size());
        assertThat(rows.get(0).getText()).contains("Fluoroscopy", "2024-03-01 10:20:05", "Fluoro <b>low</b>", "72",
                "8.4", "1,500", "4.00", "50.00", "-30.0", "441.0", "EVENT_UID");
        assertThat(rows.get(1).getText()).contains("Stationary Acquisition", "80", "12.5", "6.5", "TIME_WINDOW");
        assertThat(rows.get(1).findElement(By.cssSelector("span.badge")).getAttribute("title"))
                .isEqualTo("acquired within 0.40 s of the event");
        assertThat(rows.get(2).getAttribute("class")).isEqualTo("no-image");
        assertThat(rows.get(2).getText()).contains("no stored image");
        assertThat(rows.get(0).getAttribute("class")).isEmpty();
        assertThat(text("events")).contains("1 of 3 events have no stored image");
        assertThat(driver.findElements(By.cssSelector("#events b"))).as("a protocol name is text").isEmpty();
        Object datasets = ((JavascriptExecutor) driver).executeScript(
                "const c = Chart.getChart('timeline'); return c ? c.data.datasets.map(d => d.data.filter(v => v !== null).length) : null;");
        assertThat(datasets.toString()).as("fluoroscopy and acquisition bars").isEqualTo("[1, 2]");
        assertThat(text("reports")).contains("TID 10001", "standing", "DAP unit 'Gym2' read as Gy.m2");
        ((JavascriptExecutor) driver).executeScript("document.getElementById('h-dose').scrollIntoView()");
        Browser.screenshot(driver, "study-dose");
    }

    @Test
    void theImagePageAnswersWhichEventMadeTheImageAndItsDose() throws Exception {
        driver.get(base + "/image.html?uid=" + R + "81.1.2");
        Browser.waitUpTo(driver, 10).until(ExpectedConditions.presenceOfElementLocated(By.id("this-image")));

        assertThat(text("this-image")).isEqualTo("This image: event of 2024-03-01 10:22:31, Stationary Acquisition,"
                + " 80 kV, 12.5 mA, DAP 4.00 Gy·cm², RP air kerma 50.00 mGy.");
        assertThat(text("technique")).contains("Coronary 15 f/s", "HEART", "1,050");
        assertThat(text("events")).contains("TIME_WINDOW (0.40 s)", instanceDose.get("events").get(0)
                .get("eventUid").asText());
        assertThat(driver.findElement(By.cssSelector("#back a")).getAttribute("href"))
                .isEqualTo(base + "/study.html?uid=" + R + "81");
        Browser.screenshot(driver, "image-dose");
    }

    @Test
    void thePatientPageShowsTheTotalsOfTheWindowAndTheCumulativeChart() throws Exception {
        driver.get(base + "/patient.html?id=DOSE-1&from=2024-01-01&to=2024-12-31");
        Browser.waitUpTo(driver, 10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#studies table")));

        assertThat(text("totals")).contains("Patient DOSE-1, 2024-01-01 to 2024-12-31: 2 studies.", "12.00", "150.00",
                "2:05", "512.3");
        assertThat(driver.findElements(By.cssSelector("#studies tbody tr"))).hasSize(2);
        Object last = ((JavascriptExecutor) driver).executeScript(
                "const c = Chart.getChart('cumulative'); return c.data.datasets[2].data[1];");
        assertThat(((Number) last).doubleValue()).as("cumulative DLP after the second study").isEqualTo(512.3);
        Browser.screenshot(driver, "patient");
    }
}
