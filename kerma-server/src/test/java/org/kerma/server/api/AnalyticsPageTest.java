package org.kerma.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.registry.Registry;
import org.kerma.registry.RegistryConfig;
import org.kerma.server.auth.Accounts;
import org.kerma.server.auth.Role;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The Analytics page in headless Chromium on the seven CT studies of {@link AnalyticsRestContract}: the table and
 * the floating bars show the quartiles, medians and reference level of {@code /api/analytics}; the workload
 * charts count the studies by weekday and hour.
 */
class AnalyticsPageTest {
    @TempDir
    static Path data;
    static Registry registry;
    static RestApi api;
    static WebDriver driver;
    static String base;

    @BeforeAll
    static void start() throws Exception {
        driver = Browser.start();
        registry = Registry.open(RegistryConfig.defaults().withDataDirectory(data));
        AnalyticsRestContract.storeStudies(registry);
        new Accounts(registry.index()).add("radiographer", Role.VIEWER, "viewer-password".toCharArray());
        api = RestApi.start(registry, RestApi.Node.none(), "127.0.0.1", 0);
        base = "http://127.0.0.1:" + api.port();
        Browser.signIn(driver, base, "radiographer", "viewer-password");
    }

    @AfterAll
    static void stop() throws Exception {
        Browser.stop(driver, api, registry);
    }

    static Object script(String js) {
        return ((JavascriptExecutor) driver).executeScript(js);
    }

    @Test
    void drawsQuartilesMediansTheReferenceLevelAndTheWorkloadOfTheRange() throws Exception {
        driver.get(base + "/analytics.html?from=2024-03-01&to=2024-03-31&groupBy=device&quantity=CTDIVOL");
        Browser.waitUpTo(driver, 10).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#groups table")));

        assertThat(driver.findElement(By.id("count")).getText())
                .isEqualTo("6 studies with dose from 2024-03-01 to 2024-03-31; 2 of 2 groups have CTDIvol (max).");
        List<String> rows = driver.findElements(By.cssSelector("#groups tbody tr")).stream()
                .map(WebElement::getText).toList();
        assertThat(rows).containsExactly(
                "Kerma Test CT01 4 17.50 mGy 25.00 mGy 32.50 mGy 10.00 mGy 40.00 mGy 47.00 mGy",
                "Kerma Test CT02 2 5.50 mGy 6.00 mGy 6.50 mGy 5.00 mGy 7.00 mGy 8.50 mGy");
        assertThat(script("return JSON.stringify(Chart.getChart('distribution').data.datasets.map(d => d.data))"))
                .isEqualTo("[[[17.5,32.5],[5.5,6.5]],[{\"x\":\"Kerma Test CT01\",\"y\":25},"
                        + "{\"x\":\"Kerma Test CT02\",\"y\":6}],[{\"x\":\"Kerma Test CT01\",\"y\":47},"
                        + "{\"x\":\"Kerma Test CT02\",\"y\":8.5}]]");
        assertThat(script("return JSON.stringify(Chart.getChart('weekday').data.datasets[0].data)"))
                .isEqualTo("[2,1,1,0,0,0,2]");
        assertThat(script("return Chart.getChart('hour').data.datasets[0].data[23]")).isEqualTo(2L);
        Browser.screenshot(driver, "analytics");

        new Select(driver.findElement(By.id("groupBy"))).selectByValue("bodyPart");
        driver.findElement(By.cssSelector("#filter button")).click();
        Browser.waitUpTo(driver, 10).until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#groups tbody tr"), "CHEST"));
        assertThat(driver.getCurrentUrl()).contains("groupBy=bodyPart");
        assertThat(driver.findElement(By.cssSelector("#groups tbody tr:nth-child(2)")).getText())
                .startsWith("HEAD 4 17.50 mGy 25.00 mGy");
    }
}
