package org.kerma.registry.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.kerma.registry.dose.DoseStudies.event;

import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dose.reference.AlertRule;
import org.kerma.dose.reference.DoseQuantity;
import org.kerma.dose.reference.ExamMatch;
import org.kerma.dose.reference.ReferenceLevel;
import org.kerma.dose.reference.ReferencePack;
import org.kerma.registry.Registry;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.TestObjects;
import org.kerma.registry.alert.AlertQueries.Alert;
import org.kerma.registry.alert.AlertQueries.AlertFilter;
import org.kerma.registry.alert.AlertQueries.Comparison;
import org.kerma.registry.dose.DoseStudies;
import org.kerma.registry.dose.DoseStudies.Ev;
import org.kerma.registry.ingest.Origin;

/** Reference levels and alerts at ingest, run on each database by a subclass. */
abstract class AlertContract {
    static final String R = TestObjects.ROOT + "67.";

    @TempDir
    Path data;
    Registry registry;
    AlertQueries alerts;
    ReferenceData reference;

    abstract String freshDatabaseUrl() throws Exception;

    void releaseDatabase() throws Exception {
    }

    private String url;

    @BeforeEach
    void open() throws Exception {
        url = freshDatabaseUrl();
        reopen();
    }

    void reopen() throws Exception {
        if (registry != null) {
            registry.close();
        }
        registry = Registry.open(RegistryConfig.defaults().withDataDirectory(data).withDatabaseUrl(url));
        alerts = new AlertQueries(registry.index());
        reference = new ReferenceData(registry.index());
    }

    @AfterEach
    void close() throws Exception {
        registry.close();
        releaseDatabase();
    }

    void store(DicomObject ds, String description) throws Exception {
        ds.setString(Tag.StudyDescription, description);
        registry.ingest().storeFile(new ByteArrayInputStream(TestObjects.part10(ds)), Origin.file("t"));
    }

    /** A PCI study of patient {@code patient}: one image and a report of two events, DAP in Gy·m². */
    void pci(String s, String patient, double dap1, double dap2) throws Exception {
        store(DoseStudies.xaImage(patient, s, s + ".1.1", event(s, 1), "20240315101001"), "Coronary angiography, PCI");
        store(DoseStudies.report(patient, s, s + ".2.1", List.of(
                new Ev(event(s, 1), "2024-03-15T10:10:01", DoseStudies.STATIONARY, dap1),
                new Ev(event(s, 2), "2024-03-15T10:11:01", DoseStudies.FLUOROSCOPY, dap2))),
                "Coronary angiography, PCI");
    }

    List<Alert> alertsOf(String study) {
        return alerts.alerts(new AlertFilter(null, study, null, null, 100, 0)).alerts();
    }

    @Test
    void theShippedPacksAndDefaultRulesAreInstalledOnceAtOpen() throws Exception {
        reopen();
        assertThat(reference.packs()).extracting(p -> p.pack().id()).containsExactly("eu-ic", "uk-ct");
        assertThat(reference.packs().get(1).levelIds()).hasSize(17);
        assertThat(reference.rules()).extracting(AlertRule::name).containsExactly("sir-srdl-rp-air-kerma",
                "sir-srdl-dap", "sir-srdl-fluoro-time", "strlschv-ct-brain", "strlschv-ct-body",
                "strlschv-fluoroscopy-dap");
    }

    @Test
    void anInterventionAboveTheSrdlDapRaisesOneAlertAndIsComparedWithTheEuropeanPciLevel() throws Exception {
        String s = R + "1";
        pci(s, "P1", 0.03, 0.031);
        List<Alert> raised = alertsOf(s);
        assertThat(raised).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("sir-srdl-dap");
            assertThat(a.value()).isCloseTo(0.061, within(1e-12));
            assertThat(a.threshold()).isEqualTo(0.05);
            assertThat(a.unit()).isEqualTo("Gy.m2");
            assertThat(a.state()).isEqualTo("OPEN");
            assertThat(a.studyDate()).isEqualTo("2024-03-15");
        });
        List<Comparison> c = alerts.comparisons(s).orElseThrow();
        assertThat(c).singleElement().satisfies(x -> {
            assertThat(x.packId()).isEqualTo("eu-ic");
            assertThat(x.exam()).isEqualTo("PCI");
            assertThat(x.level()).isEqualTo(0.0085);
            assertThat(x.ratio()).isCloseTo(0.061 / 0.0085, within(1e-9));
            assertThat(x.exceeded()).isTrue();
        });
        assertThat(alerts.comparisons(R + "404")).isEmpty();
    }

    @Test
    void reEvaluationAndReindexKeepOneAlertWithItsAcknowledgement() throws Exception {
        String s = R + "2";
        pci(s, "P2", 0.03, 0.031);
        long id = alertsOf(s).get(0).id();
        Alert ack = alerts.acknowledge(id, "physicist", "reviewed: complex CTO", Instant.parse("2024-03-16T08:00:00Z"))
                .orElseThrow();
        assertThat(ack.state()).isEqualTo("ACKNOWLEDGED");
        assertThat(ack.acknowledgedAt()).isEqualTo("2024-03-16T08:00:00Z");
        store(DoseStudies.xaImage("P2", s, s + ".1.2", event(s, 2), "20240315101101"), "Coronary angiography, PCI");
        store(DoseStudies.report("P2", s, s + ".2.2", List.of(
                new Ev(event(s, 1), "2024-03-15T10:10:01", DoseStudies.STATIONARY, 0.03),
                new Ev(event(s, 2), "2024-03-15T10:11:01", DoseStudies.FLUOROSCOPY, 0.031),
                new Ev(event(s, 3), "2024-03-15T10:12:01", DoseStudies.FLUOROSCOPY, 0.01))),
                "Coronary angiography, PCI");
        assertThat(alertsOf(s)).singleElement().satisfies(a -> {
            assertThat(a.id()).isEqualTo(id);
            assertThat(a.value()).isCloseTo(0.071, within(1e-12));
            assertThat(a.state()).isEqualTo("ACKNOWLEDGED");
            assertThat(a.acknowledgedBy()).isEqualTo("physicist");
            assertThat(a.comment()).isEqualTo("reviewed: complex CTO");
        });
        Registry.ReindexSummary summary = registry.reindex(n -> { });
        assertThat(summary.failures()).isEmpty();
        assertThat(alertsOf(s)).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo("ACKNOWLEDGED");
            assertThat(a.value()).isCloseTo(0.071, within(1e-12));
        });
        assertThat(alerts.comparisons(s).orElseThrow()).hasSize(1);
        assertThat(alerts.alerts(new AlertFilter("OPEN", null, null, null, 100, 0)).total()).isZero();
        assertThat(alerts.alerts(new AlertFilter("ACKNOWLEDGED", null, "2024-03-15", "2024-03-15", 100, 0))
                .total()).isEqualTo(1);
        assertThat(alerts.alerts(new AlertFilter(null, null, "2024-03-16", null, 100, 0)).total()).isZero();
    }

    @Test
    void aHeadCtAboveTheStrlSchVBrainThresholdFromItsImagesAlone() throws Exception {
        String s = R + "3";
        DicomObject ct = TestObjects.ctImage("P3", "Ct^Pat", s, s + ".1", s + ".1.1");
        ct.setString(Tag.CTDIvol, "130");
        store(ct, "CT Head stroke");
        assertThat(alertsOf(s)).extracting(Alert::rule, Alert::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("strlschv-ct-brain", 130.0));
        assertThat(alerts.comparisons(s).orElseThrow()).singleElement().satisfies(c -> {
            assertThat(c.exam()).isEqualTo("Adult head, acute stroke");
            assertThat(c.quantity()).isEqualTo("CTDIVOL");
            assertThat(c.unit()).isEqualTo("mGy");
            assertThat(c.ratio()).isCloseTo(130.0 / 47.0, within(1e-9));
        });
    }

    @Test
    void anOpenAlertIsWithdrawnWhenTheRuleNoLongerApplies() throws Exception {
        String s = R + "4";
        pci(s, "P4", 0.03, 0.031);
        assertThat(alertsOf(s)).hasSize(1);
        AlertRule dap = reference.rules().get(1);
        reference.saveRule(new AlertRule(dap.name(), dap.match(), dap.device(), dap.quantity(), 0.1,
                dap.windowDays(), dap.source(), dap.shipped(), dap.enabled()));
        store(DoseStudies.xaImage("P4", s, s + ".1.3", event(s, 2), "20240315101101"), "Coronary angiography, PCI");
        assertThat(alertsOf(s)).isEmpty();
        assertThat(reference.rules().get(1).threshold()).isEqualTo(0.1);
    }

    @Test
    void aLocalCumulativeRuleSumsThePatientsStudiesInItsWindow() throws Exception {
        reference.saveRule(new AlertRule("local-dap-30-days", ExamMatch.of("XA", "", ""), "", DoseQuantity.DAP,
                0.008, 30, "local policy", false, true));
        pci(R + "5", "P5", 0.002, 0.003);
        assertThat(alertsOf(R + "5")).isEmpty();
        String s = R + "6";
        store(DoseStudies.xaImage("P5", s, s + ".1.1", event(s, 1), "20240315101001"), "PCI");
        store(DoseStudies.report("P5", s, s + ".2.1", List.of(
                new Ev(event(s, 1), "2024-03-15T10:10:01", DoseStudies.STATIONARY, 0.004))), "PCI");
        assertThat(alertsOf(s)).singleElement().satisfies(a -> {
            assertThat(a.rule()).isEqualTo("local-dap-30-days");
            assertThat(a.value()).isCloseTo(0.009, within(1e-12));
            assertThat(a.windowDays()).isEqualTo(30);
        });
    }

    @Test
    void aLocalLevelIsComparedAfterTheShippedOnes() throws Exception {
        ReferencePack local = new ReferencePack("local-cath", "Local", "Cath lab local DRLs", "2024",
                LocalDate.parse("2024-01-01"), Optional.empty(), "audit 2023", false, List.of());
        long id = reference.addLocalLevel(local, new ReferenceLevel("PCI", ExamMatch.of("XA", "PCI", ""),
                DoseQuantity.DAP, 0.007, "local median"));
        assertThat(id).isPositive();
        assertThatThrownBy(() -> reference.addLocalLevel(new ReferencePack("uk-ct", "UK", "x", "2022",
                LocalDate.parse("2022-01-01"), Optional.empty(), "s", false, List.of()), new ReferenceLevel("x",
                ExamMatch.of("CT", "", ""), DoseQuantity.DLP, 1, "")))
                .hasMessageContaining("shipped");
        String s = R + "7";
        pci(s, "P7", 0.002, 0.003);
        assertThat(alerts.comparisons(s).orElseThrow()).extracting(Comparison::packId, Comparison::exceeded)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("eu-ic", false),
                        org.assertj.core.groups.Tuple.tuple("local-cath", false));
    }
}
