package org.kerma.dose.rdsr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.Code;
import org.kerma.dicom.sr.Concepts.SCT;
import org.kerma.dicom.sr.LegacyCodes;
import org.kerma.dose.DoseReport;
import org.kerma.dose.IrradiationEvent;
import org.kerma.dose.SharedCorpus;

/**
 * TID 10003 with mammography content (TID 10005 accumulation) on Hologic's RDSR: the exposure, tube voltage, filter
 * material and compressed thickness of each event, as OpenREM's NHSBSP export lists them (EXPECTED.tsv, rows
 * "NHSBSP row ...").
 */
class MammographyReportTest {

    @Test
    void readsEachHologicExposureWithItsTechniqueAsOpenremExportsIt() {
        DoseReport r = RdsrReader.read(SharedCorpus.read("MG-RDSR-Hologic_mix.dcm"));
        assertThat(r.events()).extracting(e -> e.source().exposure().orElseThrow().value(),
                e -> e.source().kvp().orElseThrow().value(), MammographyReportTest::filter,
                e -> e.mechanical().compressionThickness().orElseThrow().value())
                .containsExactlyInAnyOrder(tuple(34.3, 26.0, "Al", 19.0), tuple(33.9, 26.0, "Al", 20.0),
                        tuple(35.6, 26.0, "Al", 21.0), tuple(33.9, 26.0, "Al", 20.0), tuple(17.9, 20.0, "Rh", 23.0),
                        tuple(17.8, 20.0, "Rh", 46.0), tuple(17.9, 20.0, "Ag", 128.0));
    }

    @Test
    void readsAverageGlandularDoseLateralityAndAnode() {
        IrradiationEvent first = RdsrReader.read(SharedCorpus.read("MG-RDSR-Hologic_mix.dcm")).events().get(0);
        assertThat(first.averageGlandularDose().orElseThrow().value()).isEqualTo(0.95);
        assertThat(LegacyCodes.sameConcept(first.laterality().orElseThrow(), SCT.Right)).isTrue();
        assertThat(first.source().anodeTargetMaterial().orElseThrow().value()).isEqualTo("C-164F9");
    }

    /**
     * OpenREM's export abbreviation of the filter material; Hologic codes the materials in SNOMED-RT (C-120F9,
     * C-167F9, C-137F9), of which only aluminium has a SNOMED CT successor in the map.
     */
    static String filter(IrradiationEvent e) {
        Code material = e.source().filters().get(0).material().orElseThrow();
        return Map.of("C-120F9", "Al", "C-167F9", "Rh", "C-137F9", "Ag").getOrDefault(material.value(),
                material.toString());
    }
}
