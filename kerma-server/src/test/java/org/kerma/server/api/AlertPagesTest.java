package org.kerma.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kerma.registry.dose.DoseStudies.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
import org.kerma.registry.TestObjects;
import org.kerma.registry.dose.DoseStudies;
import org.kerma.registry.dose.DoseStudies.Ev;
import org.kerma.registry.ingest.Origin;
import org.kerma.server.auth.Accounts;
import org.kerma.server.auth.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The Alerts page and the alerts and reference-level sections of the Study page in headless Chromium, on a PCI
 * study above the SRDL DAP (600 Gy·cm²) and a head CT above the StrlSchV brain CTDIvol and the UK stroke DRL
 * (130 mGy): what the pages show is compared with the REST answers in display units; a physicist acknowledges an
 * alert with a comment, a viewer sees the list without the button.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AlertPagesTest {
    static final String R = TestObjects.ROOT + "71.";
    static final String XA = R + "1";
    static final String CT = R + "2";
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
        DicomObject ct = TestObjects.ctImage("P2", "Ct^Pat", CT, CT + ".1", CT + ".1.1");
        ct.setString(Tag.CTDIvol, "130");
        ct.setString(Tag.StudyDate, "20240401");
        List<DicomObject> objects = List.of(
                DoseStudies.xaImage("P1", XA, XA + ".1.1", event(XA, 1), "20240315101001"),
                DoseStudies.report("P1", XA, XA + ".2.1", List.of(
                        new Ev(event(XA, 1), "2024-03-15T10:10:01", DoseStudies.STATIONARY, 0.06))),
                ct);
        for (DicomObject ds : objects) {
            ds.setString(Tag.StudyDescription, ds == ct ? "CT Head" : "PCI");
            registry.ingest().storeFile(new ByteArrayInputStream(TestObjects.part10(ds)), Origin.file("alert pages"));
        }
        Accounts accounts = new Accounts(registry.index());
        token = accounts.issueToken(accounts.add("rpo", Role.PHYSICIST, "physicist-password".toCharArray()),
                Duration.ofHours(1));
        accounts.add("radiographer", Role.VIEWER, "viewer-password".toCharArray());
        api = RestApi.start(registry, RestApi.Node.none(), "127.0.0.1", 0);
        base = "http://127.0.0.1:" + api.port();
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.stop(driver, api, registry);
    }

    static JsonNode rest(String path) throws Exception {
        return Browser.rest(base, token, path);
    }

    static List<String> rows(String css) {
        return driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    @Test
    @Order(1)
    void aViewerSeesTheOpenAlertsWithoutTheAcknowledgeButton() throws Exception {
        Browser.signIn(driver, base, "radiographer", "viewer-password");
        driver.get(base + "/alerts.html");
        Browser.waitUpTo(driver, 10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#alerts table")));

        assertThat(rows("#alerts tbody tr")).hasSize(2);
        assertThat(driver.findElements(By.cssSelector("#alerts button"))).isEmpty();
        assertThat(driver.findElement(By.id("count")).getText()).isEqualTo("2 open alerts");
    }

    @Test
    @Order(2)
    void theInboxShowsEachOpenAlertInDisplayUnitsAndAPhysicistAcknowledgesOne() throws Exception {
        JsonNode alerts = rest("/api/alerts?state=OPEN").get("alerts");
        Browser.signIn(driver, base, "rpo", "physicist-password");
        driver.get(base + "/alerts.html");
        Browser.waitUpTo(driver, 10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#alerts table")));

        List<String> shown = rows("#alerts tbody tr");
        assertThat(shown).hasSize(alerts.size()).hasSize(2);
        assertThat(shown.get(0)).contains("2024-04-01", CT, "strlschv-ct-brain", "130.00 mGy", "120.00 mGy", "open");
        assertThat(shown.get(1)).contains("2024-03-15", XA, "sir-srdl-dap", "600.00 Gy·cm²", "500.00 Gy·cm²");
        assertThat(driver.findElement(By.cssSelector("#alerts tbody tr a")).getAttribute("href"))
                .isEqualTo(base + "/study.html?uid=" + CT);
        Browser.screenshot(driver, "alerts");

        long xaId = alerts.get(1).get("id").asLong();
        WebElement comment = driver.findElement(By.id("comment-" + xaId));
        comment.sendKeys("patient size, reviewed");
        driver.findElement(By.cssSelector("form[data-alert='" + xaId + "'] button")).click();
        Browser.waitUpTo(driver, 10).until(ExpectedConditions.textToBe(By.id("count"), "1 open alert"));

        JsonNode acknowledged = rest("/api/alerts?study=" + XA).get("alerts").get(0);
        assertThat(acknowledged.get("state").asText()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.get("acknowledgedBy").asText()).isEqualTo("rpo");
        assertThat(acknowledged.get("comment").asText()).isEqualTo("patient size, reviewed");

        new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("state"))).selectByValue("ACKNOWLEDGED");
        driver.findElement(By.cssSelector("#filter button")).click();
        Browser.waitUpTo(driver, 10).until(ExpectedConditions.textToBe(By.id("count"), "1 acknowledged alert"));
        assertThat(rows("#alerts tbody tr").get(0)).contains(XA, "rpo", "patient size, reviewed");
        assertThat(driver.getCurrentUrl()).endsWith("/alerts.html?state=ACKNOWLEDGED");
    }

    @Test
    @Order(3)
    void theStudyPageShowsItsAlertsAndItsReferenceLevelComparison() throws Exception {
        JsonNode comparisons = rest("/api/studies/" + CT + "/reference-levels").get("comparisons");
        Browser.signIn(driver, base, "rpo", "physicist-password");
        driver.get(base + "/study.html?uid=" + CT);
        Browser.waitUpTo(driver, 10).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#reference-levels table")));
        Browser.waitUpTo(driver, 10).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#study-alerts table")));

        List<String> alerts = rows("#study-alerts tbody tr");
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0)).contains("strlschv-ct-brain", "130.00 mGy", "120.00 mGy", "open");
        List<String> levels = rows("#reference-levels tbody tr");
        assertThat(levels).hasSize(comparisons.size());
        JsonNode first = comparisons.get(0);
        assertThat(levels.get(0)).contains(first.get("exam").asText(), "Adult head, acute stroke", "47.00 mGy",
                "130.00 mGy", String.format(java.util.Locale.UK, "%.2f", first.get("ratio").asDouble()), "exceeded");
        ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("document.getElementById('h-alerts').scrollIntoView()");
        Browser.screenshot(driver, "study-alerts");
    }

    @Test
    @Order(4)
    void theReferenceLevelsPageShowsThePacksWithSourcesAndTheRulesWithTheDefaultMark() throws Exception {
        JsonNode packs = rest("/api/reference-levels").get("packs");
        JsonNode rules = rest("/api/alert-rules").get("rules");
        Browser.signIn(driver, base, "radiographer", "viewer-password");
        driver.get(base + "/reference.html");
        Browser.waitUpTo(driver, 10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#rules table")));

        List<WebElement> shownPacks = driver.findElements(By.cssSelector("#packs section.pack"));
        assertThat(shownPacks).hasSize(packs.size());
        for (int i = 0; i < packs.size(); i++) {
            JsonNode p = packs.get(i);
            WebElement pack = shownPacks.get(i);
            assertThat(pack.findElement(By.cssSelector(".source")).getText()).isEqualTo(p.get("source").asText());
            assertThat(pack.getText()).contains(p.get("validFrom").asText());
            assertThat(pack.findElements(By.cssSelector("tbody tr"))).hasSize(p.get("levels").size());
        }
        String eu = driver.findElement(By.cssSelector("section[data-pack^='eu-ic ']")).getText();
        assertThat(eu).contains("Siiskonen", "2018-01-01");
        assertThat(rowWith("section[data-pack^='eu-ic '] tbody tr", "PCI")).contains("85.00 Gy·cm²");
        assertThat(rows("section[data-pack^='uk-ct '] tbody tr")).filteredOn(r -> r.contains("Adult head, acute stroke"))
                .containsExactly("Adult head, acute stroke CT CTDIVOL 47.00 mGy head|brain|stroke|cran|sch(ä|ae)del|hirn"
                        + " per sequence", "Adult head, acute stroke CT DLP 790.0 mGy·cm head|brain|stroke|cran|sch(ä|ae)del|hirn"
                        + " per exam");

        List<String> shownRules = rows("#rules tbody tr");
        assertThat(shownRules).hasSize(rules.size());
        assertThat(rowWith("#rules tbody tr", "sir-srdl-dap")).contains("default, review locally", "500.00 Gy·cm²",
                "Stecker");
        assertThat(rowWith("#rules tbody tr", "sir-srdl-fluoro-time")).contains("60:00 min:s");
        assertThat(rowWith("#rules tbody tr", "strlschv-ct-brain")).contains("120.00 mGy", "CT");
        Browser.screenshot(driver, "reference-levels");
    }

    static String rowWith(String css, String text) {
        return rows(css).stream().filter(r -> r.contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no row of " + css + " contains " + text + ": " + rows(css)));
    }
}
