package org.kerma.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.registry.Registry;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.TestObjects;
import org.kerma.registry.dose.DoseStudies;
import org.kerma.registry.ingest.Origin;
import org.kerma.server.auth.Accounts;
import org.kerma.server.auth.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The dose sections of the Studies, Study, Image and Patient pages in headless Chromium, on an XA study with a dose
 * report of four events (two linked by event UID, one by time, a fluoroscopy event without image) and an image whose
 * event no report has: what the pages show is compared with the answers of the dose REST routes, in the display
 * units (Gy·cm², mGy, min:s).
 */
class DosePagesTest {
    static final String XA = TestObjects.ROOT + "61";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path data;
    static Registry registry;
    static RestApi api;
    static WebDriver driver;
    static String base;
    static String token;

    @BeforeAll
    static void start() throws Exception {
        driver = Browser.start();
        registry = Registry.open(RegistryConfig.defaults().withDataDirectory(data));
        for (DicomObject ds : DoseStudies.xaStudy(XA)) {
            registry.ingest().storeFile(new ByteArrayInputStream(TestObjects.part10(ds)), Origin.file("dose pages"));
        }
        Accounts accounts = new Accounts(registry.index());
        token = accounts.issueToken(accounts.add("phil", Role.PHYSICIST, "physicist-password".toCharArray()),
                Duration.ofHours(1));
        api = RestApi.start(registry, RestApi.Node.none(), "127.0.0.1", 0);
        base = "http://127.0.0.1:" + api.port();
        Browser.signIn(driver, base, "phil", "physicist-password");
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.stop(driver, api, registry);
    }

    static JsonNode rest(String path) throws Exception {
        return Browser.rest(base, token, path);
    }

    static String text(String id) {
        return driver.findElement(By.id(id)).getText();
    }

    /** How the pages write a number: en-GB grouping, fixed decimals; "—" for null. */
    static String shown(JsonNode value, double factor, int decimals) {
        return value == null || value.isNull() ? "—"
                : String.format(Locale.UK, "%,." + decimals + "f", value.asDouble() * factor);
    }

    @Test
    void theStudyListShowsTheDoseSummaryOfEachStudy() throws Exception {
        JsonNode dose = rest("/api/studies?modality=XA").get("items").get(0).get("dose");

        driver.get(base + "/?modality=XA");
        Browser.waitUpTo(driver, 10).until(ExpectedConditions.textToBe(By.id("count"), "Studies 1–1 of 1"));

        List<String> headers = driver.findElements(By.cssSelector("#studies th")).stream().map(WebElement::getText)
                .toList();
        List<String> cells = driver.findElements(By.cssSelector("#studies tbody td")).stream()
                .map(WebElement::getText).toList();
        assertThat(cells.get(headers.indexOf("DAP (Gy·cm²)"))).isEqualTo(shown(dose.get("dapGym2"), 1e4, 2));
        assertThat(cells.get(headers.indexOf("RP air kerma (mGy)"))).isEqualTo(shown(dose.get("rpAirKermaGy"), 1e3, 2));
        assertThat(cells.get(headers.indexOf("DLP (mGy·cm)"))).isEqualTo(shown(dose.get("dlpMGyCm"), 1, 1));
    }

    @Test
    void exportsTheEventsOfTheFilteredStudiesAsXlsxWithTheRestValues() throws Exception {
        JsonNode events = rest("/api/studies/" + XA + "/dose").get("events");
        driver.get(base + "/?modality=XA");
        Browser.waitUpTo(driver, 10).until(ExpectedConditions.textToBe(By.id("count"), "Studies 1–1 of 1"));
        String href = driver.findElement(By.id("events-xlsx")).getAttribute("href");
        String cookie = "kerma_session=" + driver.manage().getCookieNamed("kerma_session").getValue();

        HttpResponse<java.io.InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofInputStream());

        assertThat(href).isEqualTo(base + "/api/exports/events.xlsx?modality=XA");
        try (java.io.InputStream in = r.body(); org.dhatim.fastexcel.reader.ReadableWorkbook book =
                new org.dhatim.fastexcel.reader.ReadableWorkbook(in)) {
            List<org.dhatim.fastexcel.reader.Row> rows = book.getFirstSheet().read();
            assertThat(rows).hasSize(events.size() + 1);
            List<String> header = new java.util.ArrayList<>();
            rows.get(0).forEach(c -> header.add(c.getText()));
            int dap = header.indexOf("DAP (Gy·cm²)");
            int uid = header.indexOf("Irradiation Event UID");
            for (int i = 0; i < events.size(); i++) {
                assertThat(rows.get(i + 1).getCellText(uid)).isEqualTo(events.get(i).get("eventUid").asText());
                assertThat(rows.get(i + 1).getCellAsNumber(dap).orElseThrow().doubleValue())
                        .isCloseTo(events.get(i).get("dapGym2").asDouble() * 1e4, org.assertj.core.data.Offset.offset(1e-9));
            }
            assertThat(rows.get(4).getCellText(header.indexOf("Linked images (count)"))).isEqualTo("0");
            assertThat(rows.get(1).getCellText(header.indexOf("Link methods"))).isEqualTo("EVENT_UID");
        }
    }

    @Test
    void theStudyPageShowsTheSummaryPlanesEventsLinksAndTimelineOfTheDoseAnswer() throws Exception {
        JsonNode d = rest("/api/studies/" + XA + "/dose");
        driver.get(base + "/study.html?uid=" + XA);
        Browser.waitUpTo(driver, 10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#events table")));
        JsonNode summary = d.get("summary");

        assertThat(text("sum-dap")).isEqualTo(shown(summary.get("dapGym2"), 1e4, 2)).isEqualTo("10.00");
        assertThat(text("sum-kerma")).isEqualTo(shown(summary.get("rpAirKermaGy"), 1e3, 2));
        assertThat(text("sum-dlp")).isEqualTo("—");
        assertThat(text("sum-events")).isEqualTo(summary.get("eventCount").asText()).isEqualTo("4");
        assertThat(text("accumulated")).contains(d.get("accumulated").get(0).get("plane").get("meaning").asText(),
                "dose report", shown(d.get("accumulated").get(0).get("dapGym2"), 1e4, 2));

        List<WebElement> rows = driver.findElements(By.cssSelector("#events tbody tr"));
        assertThat(rows).hasSize(d.get("events").size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode e = d.get("events").get(i);
            assertThat(rows.get(i).getText()).contains(shown(e.get("dapGym2"), 1e4, 2),
                    e.get("startedAt").asText().replace('T', ' '));
            boolean noImage = e.get("images").isEmpty();
            assertThat(rows.get(i).getAttribute("class")).as("event %d marked", i + 1)
                    .isEqualTo(noImage ? "no-image" : "");
            assertThat(rows.get(i).getText().contains("no stored image")).isEqualTo(noImage);
            for (JsonNode image : e.get("images")) {
                assertThat(rows.get(i).getText()).contains(image.get("method").asText());
            }
        }
        assertThat(rows.get(0).getText()).contains("EVENT_UID");
        assertThat(rows.get(2).getText()).contains("TIME_WINDOW");
        assertThat(rows.get(3).getText()).contains("Fluoroscopy", "no stored image");
        assertThat(text("events")).contains("1 of 4 events have no stored image",
                d.get("imagesWithoutEvent").size() + " images are not linked to any event");
        Object bars = ((JavascriptExecutor) driver).executeScript("const c = Chart.getChart('timeline');"
                + " return c ? c.data.datasets.map(d => d.data.filter(v => v !== null).length) : null;");
        assertThat(bars.toString()).as("fluoroscopy and acquisition bars").isEqualTo("[1, 3]");
        assertThat(text("reports")).contains("TID 10001", "standing");
        JsonNode findings = rest("/api/studies/" + XA + "/findings").get("instances");
        int count = 0;
        for (JsonNode i : findings) {
            count += i.get("findings").size();
        }
        Browser.waitUpTo(driver, 10).until(w -> !w.findElement(By.id("findings")).getText().isEmpty());
        assertThat(driver.findElements(By.cssSelector("#findings tbody tr"))).as("one row per finding")
                .hasSize(count);
        if (count > 0) {
            assertThat(text("findings")).contains(findings.findValue("message").asText());
        }
        ((JavascriptExecutor) driver).executeScript("document.getElementById('h-dose').scrollIntoView()");
        Browser.screenshot(driver, "study-dose");
    }

    @Test
    void theImagePageAnswersWhichEventMadeTheImageAndItsDose() throws Exception {
        String sop = XA + ".1.3";
        JsonNode event = rest("/api/instances/" + sop + "/dose").get("events").get(0);
        driver.get(base + "/image.html?uid=" + sop);
        Browser.waitUpTo(driver, 10).until(ExpectedConditions.presenceOfElementLocated(By.id("this-image")));

        assertThat(text("this-image")).startsWith("This image: event of " + event.get("startedAt").asText()
                .replace('T', ' ') + ", " + event.get("type").get("meaning").asText())
                .contains("DAP " + shown(event.get("dapGym2"), 1e4, 2) + " Gy·cm²").endsWith(".");
        assertThat(text("events")).contains("TIME_WINDOW (0.40 s)", event.get("eventUid").asText());
        assertThat(driver.findElement(By.cssSelector("#back a")).getAttribute("href"))
                .isEqualTo(base + "/study.html?uid=" + XA);
        Browser.screenshot(driver, "image-dose");
    }

    @Test
    void thePatientPageShowsTheTotalsOfTheWindowAndTheCumulativeChart() throws Exception {
        JsonNode d = rest("/api/patients/P1/dose?from=2024-01-01&to=2024-12-31");
        driver.get(base + "/patient.html?id=P1&from=2024-01-01&to=2024-12-31");
        Browser.waitUpTo(driver, 10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#studies table")));

        assertThat(text("totals")).contains("Patient P1, 2024-01-01 to 2024-12-31: "
                + d.get("totals").get("studyCount").asText() + " studies.", shown(d.get("totals").get("dapGym2"),
                1e4, 2));
        assertThat(driver.findElements(By.cssSelector("#studies tbody tr"))).hasSize(d.get("studies").size());
        Object last = ((JavascriptExecutor) driver).executeScript(
                "const c = Chart.getChart('cumulative'); const s = c.data.datasets[0].data; return s[s.length - 1];");
        assertThat(((Number) last).doubleValue()).as("cumulative DAP, Gy·cm²")
                .isCloseTo(d.get("totals").get("dapGym2").asDouble() * 1e4, org.assertj.core.data.Offset.offset(1e-9));
        Browser.screenshot(driver, "patient");
    }
}
