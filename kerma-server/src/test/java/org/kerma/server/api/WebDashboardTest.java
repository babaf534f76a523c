package org.kerma.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in headless Chromium (Debian chromium and chromium-driver, driven by Selenium; never downloads a
 * driver): sign in with the keyboard, filter studies, open a study imported from the shared corpus and compare what
 * the page shows with the REST answer, export XLSX through the page's link and read it back, a viewer sees no
 * patient name, a name with markup is shown as text. Saves a screenshot of each page (1366x768) in
 * {@code docs/screenshots/}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebDashboardTest {
    static final String XSS_NAME = "<img src=x onerror=\"window.kermaXss=1\">^Script";
    static final String RF_IMAGE = "orthanc-mirrors+orthanc-tests/Database/KarstenHilbertRF.dcm";
    static final String RDSR = "rvbCMTS+PySkinDose/src/pyskindose/example_data/RDSR/siemens_axiom_artis.dcm";
    static final String GERMAN = "pydicom+pydicom/src/pydicom/data/charset_files/chrGerm.dcm";
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
        Path corpus = Path.of(System.getProperty("kerma.shared", "../../shared"), "corpus", "samples");
        for (String file : List.of(RF_IMAGE, RDSR, GERMAN)) {
            try (InputStream in = Files.newInputStream(corpus.resolve(file))) {
                registry.ingest().storeFile(in, Origin.file(file));
            }
        }
        for (int n = 1; n <= 3; n++) {
            DicomObject ds = RestApiTest.image("WEB-" + n, RestApiTest.R + "9" + n, "2024061" + n, "CT",
                    RestApiTest.R + "9" + n + ".1", RestApiTest.R + "9" + n + ".1.1");
            if (n == 3) {
                ds.setString(Tag.SpecificCharacterSet, "ISO_IR 192");
                ds.setString(Tag.PatientName, XSS_NAME);
            }
            registry.ingest().storeFile(new ByteArrayInputStream(RestApiTest.part10(ds)), Origin.file("web"));
        }
        Accounts accounts = new Accounts(registry.index());
        accounts.add("ada", Role.ADMIN, "admin-password".toCharArray());
        Accounts.User phil = accounts.add("phil", Role.PHYSICIST, "physicist-password".toCharArray());
        accounts.add("vic", Role.VIEWER, "viewer-password".toCharArray());
        token = accounts.issueToken(phil, Duration.ofHours(1));
        api = RestApi.start(registry, new RestApi.Node("KERMA", 11112, List.of(
                new org.kerma.net.TrustedNode("CT_ROOM1", "10.1.2.3", 104)), false), "127.0.0.1", 0);
        base = "http://127.0.0.1:" + api.port();
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.stop(driver, api, registry);
    }

    static WebDriverWait waitUpTo(int seconds) {
        return Browser.waitUpTo(driver, seconds);
    }

    static void screenshot(String name) throws Exception {
        Browser.screenshot(driver, name);
    }

    static JsonNode rest(String path) throws Exception {
        return Browser.rest(base, token, path);
    }

    static void signIn(String name, String password) {
        Browser.signIn(driver, base, name, password);
        studiesShown();
    }

    static List<WebElement> studiesShown() {
        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#studies table")));
        return driver.findElements(By.cssSelector("#studies tbody tr"));
    }

    static String[] cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toArray(String[]::new);
    }

    @Test
    @Order(1)
    void signsInWithTheKeyboardAndListsEveryStudy() throws Exception {
        driver.manage().deleteAllCookies();
        driver.get(base + "/signin.html");
        screenshot("signin");

        signIn("phil", "physicist-password");

        JsonNode page = rest("/api/studies");
        assertThat(studiesShown()).hasSize(page.get("total").asInt());
        assertThat(driver.findElement(By.id("count")).getText()).isEqualTo("Studies 1–" + page.get("total").asInt()
                + " of " + page.get("total").asInt());
        Object scrollWidth = ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth");
        assertThat(((Number) scrollWidth).intValue()).as("no horizontal scrolling at 1366x768")
                .isLessThanOrEqualTo(1366);
        screenshot("studies");
    }

    @Test
    @Order(2)
    void filtersStudiesByModalityAndDate() throws Exception {
        signIn("phil", "physicist-password");
        driver.findElement(By.id("modality")).sendKeys("CT");
        driver.findElement(By.id("apply")).click();
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("count"), "Studies 1–3 of 3"));
        List<WebElement> rows = studiesShown();
        assertThat(rows).hasSize(3);
        assertThat(cells(rows.get(0))[0]).isEqualTo("2024-06-13");

        ((JavascriptExecutor) driver).executeScript("document.getElementById('from').value = '2024-06-12';"
                + "document.getElementById('to').value = '2024-06-12';");
        driver.findElement(By.id("apply")).click();
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("count"), "Studies 1–1 of 1"));
        assertThat(cells(studiesShown().get(0))[2]).isEqualTo("WEB-2");
        assertThat(driver.getCurrentUrl()).contains("modality=CT").contains("from=2024-06-12");
    }

    @Test
    @Order(3)
    void showsAStudyFromTheCorpusAsTheRestApiDescribesIt() throws Exception {
        signIn("phil", "physicist-password");
        JsonNode rf = null;
        for (JsonNode s : rest("/api/studies?modality=RF").get("items")) {
            rf = s;
        }
        assertThat(rf).as("the RF study of the corpus").isNotNull();
        String uid = rf.get("studyInstanceUid").asText();

        driver.get(base + "/study.html?uid=" + uid);
        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#series details")));

        String header = driver.findElement(By.id("header")).getText();
        assertThat(header).contains(rf.get("patientName").asText()).contains(uid)
                .contains(rf.get("series").asText() + " / " + rf.get("instances").asText());
        JsonNode series = rest("/api/studies/" + uid + "/series").get("series");
        assertThat(driver.findElements(By.cssSelector("#series details"))).hasSize(series.size());
        waitUpTo(10).until(d -> !d.findElement(By.id("dose-summary")).getText().isEmpty());
        String dose = driver.findElement(By.id("dose-summary")).getText();
        HttpResponse<String> doseAnswer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(base + "/api/studies/" + uid + "/dose")).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofString());
        if (doseAnswer.statusCode() == 404) {
            assertThat(dose).isEqualTo("This node does not serve dose data yet (no /api/studies/{uid}/dose).");
        } else {
            JsonNode summary = JSON.readTree(doseAnswer.body()).get("summary");
            assertThat(driver.findElement(By.id("sum-events")).getText())
                    .isEqualTo(summary.get("eventCount").isNull() ? "—" : summary.get("eventCount").asText());
        }
        screenshot("study");

        driver.findElement(By.cssSelector("#series details a")).click();
        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#instance dl")));
        assertThat(driver.findElement(By.id("instance")).getText()).contains(rf.get("studyInstanceUid").asText()
                .substring(0, 8));
        screenshot("image");
    }

    @Test
    @Order(4)
    void exportsTheFilteredListAsXlsxThatReadsBack() throws Exception {
        signIn("phil", "physicist-password");
        driver.findElement(By.id("modality")).sendKeys("CT");
        driver.findElement(By.id("apply")).click();
        waitUpTo(10).until(ExpectedConditions.textToBe(By.id("count"), "Studies 1–3 of 3"));
        String href = driver.findElement(By.id("xlsx")).getAttribute("href");
        String cookie = "kerma_session=" + driver.manage().getCookieNamed("kerma_session").getValue();

        HttpResponse<InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(href))
                .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofInputStream());

        assertThat(href).isEqualTo(base + "/api/exports/studies.xlsx?modality=CT");
        assertThat(r.statusCode()).isEqualTo(200);
        try (InputStream in = r.body(); ReadableWorkbook book = new ReadableWorkbook(in);
             Stream<Row> rows = book.getFirstSheet().openStream()) {
            List<Row> all = rows.toList();
            assertThat(all).hasSize(4);
            assertThat(all.get(0).getCellText(6)).isEqualTo("Patient Name");
            assertThat(all.get(1).getCellText(6)).isEqualTo(XSS_NAME);
            assertThat(all.get(2).getCellText(5)).isEqualTo("WEB-2");
        }
    }

    @Test
    @Order(5)
    void showsANameWithMarkupAsText() throws Exception {
        signIn("phil", "physicist-password");
        WebElement row = studiesShown().stream().filter(r -> cells(r)[2].equals("WEB-3")).findFirst().orElseThrow();

        assertThat(cells(row)[3]).isEqualTo(XSS_NAME);
        assertThat(driver.findElements(By.cssSelector("#studies img"))).isEmpty();
        row.findElement(By.tagName("a")).click();
        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.id("patient-name")));
        assertThat(driver.findElement(By.id("patient-name")).getText()).isEqualTo(XSS_NAME);
        assertThat(((JavascriptExecutor) driver).executeScript("return window.kermaXss === undefined")).isEqualTo(true);
    }

    @Test
    @Order(6)
    void aViewerSeesNoPatientNameOrId() throws Exception {
        signIn("vic", "viewer-password");

        List<WebElement> rows = studiesShown();
        assertThat(rows).hasSize(rest("/api/studies").get("total").asInt());
        String headers = driver.findElement(By.cssSelector("#studies thead")).getText();
        assertThat(headers).doesNotContain("Patient");
        assertThat(driver.findElements(By.id("patientId"))).isEmpty();
        String page = driver.getPageSource();
        for (JsonNode s : rest("/api/studies").get("items")) {
            String name = s.get("patientName").asText();
            if (!name.isEmpty() && !name.equals(s.get("studyDescription").asText())) { // "Unbekannt" is both
                assertThat(page).doesNotContain(name);
            }
        }
        assertThat(page).doesNotContain("WEB-1").doesNotContain("Script");
        rows.get(0).findElement(By.tagName("a")).click();
        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#header dl")));
        assertThat(driver.findElements(By.id("patient-name"))).isEmpty();
        assertThat(driver.findElement(By.id("header")).getText()).doesNotContain("Patient");
    }

    @Test
    @Order(7)
    void showsDevicesNodesTheStandardUsersAndPatientPages() throws Exception {
        signIn("ada", "admin-password");

        driver.get(base + "/devices.html");
        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#nodes table")));
        assertThat(driver.findElement(By.id("nodes")).getText()).contains("CT_ROOM1").contains("10.1.2.3")
                .contains("only the trusted nodes");
        assertThat(driver.findElements(By.cssSelector("#devices tbody tr")))
                .hasSize(rest("/api/devices").get("devices").size());
        screenshot("devices");

        driver.get(base + "/standard.html");
        WebElement search = waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.id("search")));
        search.sendKeys("1.2.840.10008.5.1.4.1.1.88.67");
        waitUpTo(10).until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#iods li"), 1));
        driver.findElement(By.cssSelector("#iods a")).click();
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("detail"), "X-Ray Radiation Dose SR"));
        assertThat(driver.findElement(By.id("detail")).getText()).contains("1.2.840.10008.5.1.4.1.1.88.67");
        screenshot("standard");

        driver.get(base + "/users.html");
        waitUpTo(10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#users table")));
        assertThat(driver.findElement(By.id("users")).getText()).contains("ada").contains("phil").contains("vic");
        waitUpTo(10).until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit"), "SIGN_IN"));
        screenshot("users");

        driver.get(base + "/patient.html?id=WEB-1&from=2024-01-01&to=2024-12-31");
        waitUpTo(10).until(d -> !d.findElement(By.id("totals")).getText().isEmpty());
        screenshot("patient");
    }
}
