package org.kerma.dose.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kerma.dose.reference.ReferenceLevelsTest.study;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertRulesTest {
    static final List<AlertRule> DEFAULTS = AlertRules.defaults();

    static List<String> raised(StudyExposure s) {
        return AlertRules.evaluate(s, DEFAULTS, List.of()).stream().map(e -> e.rule().name()).toList();
    }

    @Test
    void defaultsCarryTheirSourceAndThresholdsInCanonicalUnits() {
        assertThat(DEFAULTS).extracting(AlertRule::name).containsExactly("sir-srdl-rp-air-kerma", "sir-srdl-dap",
                "sir-srdl-fluoro-time", "strlschv-ct-brain", "strlschv-ct-body", "strlschv-fluoroscopy-dap");
        assertThat(DEFAULTS).extracting(AlertRule::threshold).containsExactly(5.0, 0.05, 3600.0, 120.0, 80.0, 0.02);
        assertThat(DEFAULTS).allSatisfy(r -> {
            assertThat(r.source()).contains("default, review locally");
            assertThat(r.shipped()).isTrue();
        });
    }

    @Test
    void anInterventionAboveTheSrdlRaisesAirKermaAndFluoroTimeButNotDap() {
        StudyExposure s = study("2024-02-01", "XA", "PCI", Map.of(DoseQuantity.RP_AIR_KERMA, 5.2,
                DoseQuantity.DAP, 0.049, DoseQuantity.FLUORO_TIME, 3700.0));
        assertThat(raised(s)).containsExactly("sir-srdl-rp-air-kerma", "sir-srdl-fluoro-time");
        assertThat(AlertRules.evaluate(s, DEFAULTS, List.of()).get(0).value()).isEqualTo(5.2);
    }

    @Test
    void ctBrainAndBodyThresholdsFollowTheDescription() {
        assertThat(raised(study("2024-02-01", "CT", "CT Schädel nativ", Map.of(DoseQuantity.CTDIVOL, 100.0))))
                .isEmpty();
        assertThat(raised(study("2024-02-01", "CT", "CT Schädel nativ", Map.of(DoseQuantity.CTDIVOL, 121.0))))
                .containsExactly("strlschv-ct-brain");
        assertThat(raised(study("2024-02-01", "CT", "CT Abdomen", Map.of(DoseQuantity.CTDIVOL, 81.0))))
                .containsExactly("strlschv-ct-body");
    }

    @Test
    void diagnosticFluoroscopyDapAbove200GyCm2() {
        assertThat(raised(study("2024-02-01", "RF", "Barium swallow", Map.of(DoseQuantity.DAP, 0.0201))))
                .containsExactly("strlschv-fluoroscopy-dap");
        assertThat(raised(study("2024-02-01", "XA", "Barium swallow", Map.of(DoseQuantity.DAP, 0.0201))))
                .isEmpty();
    }

    @Test
    void aCumulativeRuleSumsThePatientsStudiesInItsWindow() {
        AlertRule sixWeeks = new AlertRule("rp-6-weeks", ExamMatch.of("XA", "", ""), "", DoseQuantity.RP_AIR_KERMA,
                5.0, 42, "local", false, true);
        StudyExposure now = study("2024-03-12", "XA", "PCI a", Map.of(DoseQuantity.RP_AIR_KERMA, 2.0));
        StudyExposure inWindow = study("2024-02-01", "XA", "PCI b", Map.of(DoseQuantity.RP_AIR_KERMA, 2.0));
        StudyExposure firstDay = study("2024-01-31", "XA", "PCI c", Map.of(DoseQuantity.RP_AIR_KERMA, 1.5));
        StudyExposure tooOld = study("2024-01-30", "XA", "PCI d", Map.of(DoseQuantity.RP_AIR_KERMA, 9.0));
        StudyExposure later = study("2024-03-13", "XA", "PCI e", Map.of(DoseQuantity.RP_AIR_KERMA, 9.0));
        List<Exceedance> e = AlertRules.evaluate(now, List.of(sixWeeks),
                List.of(now, inWindow, firstDay, tooOld, later));
        assertThat(e).singleElement().satisfies(x -> assertThat(x.value()).isEqualTo(5.5));
        assertThat(AlertRules.evaluate(now, List.of(sixWeeks), List.of(now, inWindow))).isEmpty();
    }

    @Test
    void aDeviceRuleOnlyAppliesToItsDevice() {
        AlertRule room2 = new AlertRule("room2", ExamMatch.of("*", "", ""), "room2", DoseQuantity.DAP, 0.0, 0,
                "local", false, true);
        StudyExposure s = study("2024-02-01", "XA", "x", Map.of(DoseQuantity.DAP, 0.01));
        assertThat(AlertRules.evaluate(s, List.of(room2), List.of())).isEmpty();
        AlertRule room1 = new AlertRule("room1", ExamMatch.of("*", "", ""), "room1", DoseQuantity.DAP, 0.0, 0,
                "local", false, true);
        assertThat(AlertRules.evaluate(s, List.of(room1), List.of())).hasSize(1);
    }
}
