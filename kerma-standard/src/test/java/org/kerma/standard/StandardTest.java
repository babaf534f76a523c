package org.kerma.standard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.kerma.dicom.Code;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.junit.jupiter.api.Test;

/** Known facts of the standard, read back through the public API. */
class StandardTest {
    private final Standard standard = Standard.current();

    @Test
    void xRayRadiofluoroscopicImageHasTheModulesOfPs33A16() {
        Iod iod = standard.iod("X-Ray Radiofluoroscopic Image").orElseThrow();

        assertThat(iod.id()).isEqualTo("x-ray-radiofluoroscopic-image");
        assertThat(iod.section()).startsWith("A.16");
        assertThat(iod.sopClassUids()).containsExactly("1.2.840.10008.5.1.4.1.1.12.2");
        assertThat(iod.modules()).extracting(m -> m.moduleId() + " " + m.usage().letter()).containsExactly(
                "patient M", "clinical-trial-subject U", "general-study M", "patient-study U",
                "clinical-trial-study U", "general-series M", "clinical-trial-series U", "synchronization U",
                "general-equipment M", "general-acquisition M", "general-image M", "general-reference U",
                "image-pixel M", "contrast-bolus C", "cine C", "multi-frame C", "frame-pointers U", "mask C",
                "display-shutter U", "device U", "intervention U", "specimen U", "x-ray-image M",
                "x-ray-acquisition M", "x-ray-collimator U", "x-ray-table U", "xrf-positioner U",
                "x-ray-tomography-acquisition C", "dx-detector U", "overlay-plane U", "multi-frame-overlay C",
                "modality-lut C", "voi-lut U", "sop-common M", "common-instance-reference U", "frame-extraction C");
        assertThat(iod.modules().get(27).conditionText()).isEqualTo("Required if Scan Option (0018,0022) is TOMO");
    }

    @Test
    void findsAnIodByNameIdOrSopClassUid() {
        assertThat(standard.iod("1.2.840.10008.5.1.4.1.1.88.67")).map(Iod::name)
                .contains("X-Ray Radiation Dose SR");
        assertThat(standard.iod("x-ray-radiation-dose-sr")).map(Iod::name).contains("X-Ray Radiation Dose SR");
        assertThat(standard.iod("x-ray radiation dose sr iod")).map(Iod::id).contains("x-ray-radiation-dose-sr");
        assertThat(standard.iod("1.2.840.10008.5.1.4.1.1.88.76")).map(Iod::name)
                .contains("Enhanced X-Ray Radiation Dose SR");
        assertThat(standard.iod("no such IOD")).isEmpty();
    }

    @Test
    void rtBeamsModuleHasItsAttributeTypesAndNesting() {
        Module rtBeams = standard.module("RT Beams").orElseThrow();

        ModuleAttribute beamSequence = rtBeams.attribute("BeamSequence").orElseThrow();
        assertThat(beamSequence.tag()).isEqualTo(0x300A00B0);
        assertThat(beamSequence.type()).isEqualTo(AttributeType.TYPE_1);
        assertThat(beamSequence.depth()).isZero();
        ModuleAttribute beamNumber = rtBeams.attribute("BeamSequence", "BeamNumber").orElseThrow();
        assertThat(beamNumber.tag()).isEqualTo(0x300A00C0);
        assertThat(beamNumber.type()).isEqualTo(AttributeType.TYPE_1);
        assertThat(beamNumber.depth()).isEqualTo(1);
        ModuleAttribute machine = rtBeams.attribute("BeamSequence", "TreatmentMachineName").orElseThrow();
        assertThat(machine.tag()).isEqualTo(0x300A00B2);
        assertThat(machine.type()).isEqualTo(AttributeType.TYPE_2);
        assertThat(machine.nestedKeyword()).isEqualTo(">TreatmentMachineName");
    }

    @Test
    void expandsMacrosUnderTheSequenceThatInvokesThem() {
        Module rtBeams = standard.module("rt-beams").orElseThrow();

        ModuleAttribute referenced = rtBeams.attribute("BeamSequence", "ReferencedDoseSequence",
                "ReferencedSOPInstanceUID").orElseThrow();
        assertThat(referenced.type()).isEqualTo(AttributeType.TYPE_1);
        assertThat(referenced.macro()).isEqualTo("SOPInstanceReferenceMacro");
        assertThat(referenced.depth()).isEqualTo(2);
    }

    @Test
    void keepsEnumeratedValuesAndDefinedTerms() {
        Module rtBeams = standard.module("RT Beams").orElseThrow();

        ValueSet beamType = rtBeams.attribute("BeamSequence", "BeamType").orElseThrow().values().orElseThrow();
        assertThat(beamType.enumerated()).isTrue();
        assertThat(beamType.values()).containsExactlyInAnyOrder("STATIC", "DYNAMIC");
        ValueSet radiation = rtBeams.attribute("BeamSequence", "RadiationType").orElseThrow().values().orElseThrow();
        assertThat(radiation.enumerated()).isFalse();
        assertThat(radiation.values()).contains("PHOTON", "ELECTRON");
    }

    @Test
    void listsTheModulesThatUseATag() {
        List<Module> users = standard.modulesUsing(Tag.ImageAndFluoroscopyAreaDoseProduct);

        assertThat(users).extracting(Module::id).contains("x-ray-acquisition", "x-ray-acquisition-dose")
                .doesNotContain("patient", "rt-beams");
    }

    @Test
    void evaluatesATabulatedConditionAgainstAnItem() {
        Condition wedges = standard.condition("NumberOfWedgesNotZero").orElseThrow();
        DicomObject beam = new DicomObject();

        assertThat(wedges.evaluate(beam, beam)).isEqualTo(Condition.Result.FALSE);
        beam.setLong(Tag.NumberOfWedges, 2);
        assertThat(wedges.evaluate(beam, beam)).isEqualTo(Condition.Result.TRUE);
        beam.setLong(Tag.NumberOfWedges, 0);
        assertThat(wedges.evaluate(beam, beam)).isEqualTo(Condition.Result.FALSE);
    }

    @Test
    void ctAcquisitionTypeContextGroupHasItsSixCodes() {
        ContextGroup cid10013 = standard.contextGroup("10013").orElseThrow();

        assertThat(cid10013.uid()).isEqualTo("1.2.840.10008.6.1.545");
        assertThat(cid10013.extensible()).isTrue();
        assertThat(cid10013.codes()).filteredOn(c -> !c.scheme().equals("SRT")).containsExactly(
                new Code("113804", "DCM", ""), new Code("116152004", "SCT", ""), new Code("113805", "DCM", ""),
                new Code("113806", "DCM", ""), new Code("113807", "DCM", ""), new Code("702569007", "SCT", ""));
    }

    @Test
    void projectionXRayDoseTemplateIncludesObserverContextAndAccumulatedDose() {
        Template tid10001 = standard.template("10001").orElseThrow();

        assertThat(tid10001.root()).isTrue();
        assertThat(tid10001.rows().get(0).conceptName()).contains(new Code("113701", "DCM", ""));
        assertThat(tid10001.rows()).filteredOn(TemplateRow::isInclusion).extracting(TemplateRow::includedTid)
                .contains("1002", "10002", "10003");
        assertThat(standard.templates()).extracting(Template::tid)
                .contains("1002", "10001", "10011", "10012", "10013", "10014", "10015", "1204", "1020");
        TemplateRow ctdiVol = standard.template("10013").orElseThrow().rows().stream()
                .filter(r -> r.conceptName().filter(c -> c.value().equals("113830")).isPresent()).findFirst()
                .orElseThrow();
        assertThat(ctdiVol.valueType()).isEqualTo("NUM");
        assertThat(ctdiVol.units()).contains(new Code("mGy", "UCUM", ""));
    }

    @Test
    void protocolModulesComeFromTheHandKeptTableMarkedUnchecked() {
        Module context = standard.module("Protocol Context").orElseThrow();

        assertThat(context.tabulated()).isTrue();
        assertThat(context.section()).isEqualTo("Table C.34.2-1");
        ModuleAttribute institution = context.attribute("CustodialOrganizationSequence", "InstitutionName")
                .orElseThrow();
        assertThat(institution.type()).isEqualTo(AttributeType.TYPE_2);
        assertThat(institution.checked()).isFalse();
        assertThat(standard.module("XA Protocol Series").orElseThrow().tabulated()).isFalse();
        assertThat(standard.module("RT Beams").orElseThrow().attributes()).allMatch(ModuleAttribute::checked);
    }
}
