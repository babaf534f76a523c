package org.kerma.registry.dose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.registry.Registry;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.dose.DoseAnalytics.Analytics;
import org.kerma.registry.dose.DoseAnalytics.Distribution;
import org.kerma.registry.dose.DoseAnalytics.GroupBy;

/**
 * {@link DoseAnalytics} on 100,000 studies with a dose summary (index rows inserted directly, SQLite): the answer
 * over the whole range by device and by body part, with known quartiles, and how long it takes (printed, and in
 * docs/web.md).
 */
class DoseAnalyticsScaleTest {
    private static final int STUDIES = 100_000;

    @TempDir
    Path data;

    @Test
    void quartilesInterpolateLinearlyBetweenRanks() {
        assertThat(DoseAnalytics.quantile(new double[] {10, 20, 30, 40}, 0.25)).isEqualTo(17.5);
        assertThat(DoseAnalytics.quantile(new double[] {10, 20, 30, 40}, 0.5)).isEqualTo(25.0);
        assertThat(DoseAnalytics.quantile(new double[] {7}, 0.75)).isEqualTo(7.0);
        assertThat(DoseAnalytics.quantile(new double[] {1, 2, 3, 4, 5}, 0.75)).isEqualTo(4.0);
    }

    @Test
    void analysesAHundredThousandStudiesByDeviceAndBodyPart() throws Exception {
        try (Registry registry = Registry.open(RegistryConfig.defaults().withDataDirectory(data))) {
            registry.index().inTransaction("insert test studies", DoseAnalyticsScaleTest::insert);
            DoseAnalytics analytics = new DoseAnalytics(registry.index());
            LocalDate from = LocalDate.of(2000, 1, 1);
            LocalDate to = LocalDate.of(2030, 12, 31);

            long start = System.nanoTime();
            Analytics byDevice = analytics.analyse(from, to, GroupBy.DEVICE);
            long deviceMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            start = System.nanoTime();
            Analytics byBodyPart = analytics.analyse(from, to, GroupBy.BODY_PART);
            long bodyPartMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(byDevice.studies()).isEqualTo(STUDIES);
            assertThat(byDevice.groups()).hasSize(2);
            // the CT studies (even n) have CTDIvol n % 100 mGy: 0, 2, ..., 98 equally often
            Distribution ctdi = byDevice.groups().get(0).quantities().stream()
                    .filter(q -> q.quantity().equals("CTDIVOL")).findFirst().orElseThrow();
            assertThat(byDevice.groups().get(0).key()).isEqualTo("Scale CT01");
            assertThat(ctdi.count()).isEqualTo(STUDIES / 2);
            assertThat(ctdi.median()).isCloseTo(49.0, within(1.0));
            assertThat(ctdi.p25()).isCloseTo(24.0, within(1.0));
            assertThat(ctdi.p75()).isCloseTo(74.0, within(1.0));
            assertThat(byBodyPart.groups()).extracting(DoseAnalytics.Group::key).containsExactly("CHEST", "HEART");
            assertThat(java.util.Arrays.stream(byDevice.byWeekday()).sum()).isEqualTo(STUDIES);
            System.out.printf("DoseAnalyticsScaleTest: %,d studies: /api/analytics by device %d ms, by body part"
                    + " %d ms%n", STUDIES, deviceMillis, bodyPartMillis);
        }
    }

    private static Void insert(Connection c) throws java.sql.SQLException {
        byte[] none = new byte[0];
        try (PreparedStatement device = c.prepareStatement(
                "INSERT INTO device (id, manufacturer, model_name, station_name) VALUES (?, 'Scale', '', ?)");
             PreparedStatement patient = c.prepareStatement(
                "INSERT INTO patient (id, patient_id, patient_name, attributes) VALUES (?, ?, ?, ?)");
             PreparedStatement study = c.prepareStatement("INSERT INTO study (id, patient_fk, study_instance_uid,"
                     + " study_date, study_time, attributes) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement series = c.prepareStatement("INSERT INTO series (id, study_fk, device_fk,"
                     + " series_instance_uid, modality, body_part_examined, attributes) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement dose = c.prepareStatement("INSERT INTO study_dose (study_fk, source, dap_gym2,"
                     + " ctdivol_max_mgy, event_count) VALUES (?, 'IMAGES', ?, ?, 1)")) {
            for (int d = 1; d <= 2; d++) {
                device.setInt(1, d);
                device.setString(2, d == 1 ? "CT01" : "XA01");
                device.execute();
            }
            for (int n = 1; n <= STUDIES; n++) {
                boolean ct = n % 2 == 0;
                if (n <= STUDIES / 4) {
                    patient.setInt(1, n);
                    patient.setString(2, "SCALE-" + n);
                    patient.setString(3, "Scale^Patient^" + n);
                    patient.setBytes(4, none);
                    patient.addBatch();
                }
                study.setInt(1, n);
                study.setInt(2, (n - 1) % (STUDIES / 4) + 1);
                study.setString(3, "2.25." + n);
                study.setString(4, LocalDate.of(2000, 1, 1).plusDays(n / 30).toString().replace("-", ""));
                study.setString(5, String.format("%02d1500", n % 24));
                study.setBytes(6, none);
                study.addBatch();
                series.setInt(1, n);
                series.setInt(2, n);
                series.setInt(3, ct ? 1 : 2);
                series.setString(4, "2.25." + n + ".1");
                series.setString(5, ct ? "CT" : "XA");
                series.setString(6, ct ? "CHEST" : "HEART");
                series.setBytes(7, none);
                series.addBatch();
                dose.setInt(1, n);
                if (ct) {
                    dose.setNull(2, java.sql.Types.DOUBLE);
                    dose.setDouble(3, n % 100);
                } else {
                    dose.setDouble(2, n * 1e-6);
                    dose.setNull(3, java.sql.Types.DOUBLE);
                }
                dose.addBatch();
                if (n % 5000 == 0) {
                    patient.executeBatch();
                    study.executeBatch();
                    series.executeBatch();
                    dose.executeBatch();
                }
            }
        }
        return null;
    }
}
