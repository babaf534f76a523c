package org.kerma.standard.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Sequence;
import org.kerma.dicom.Tag;
import org.kerma.dicom.VR;

class IodValidatorTest {
    private static final String RT_PLAN = "1.2.840.10008.5.1.4.1.1.481.5";
    private final IodValidator validator = IodValidator.standard();

    private static DicomObject rtPlanWithOneBeam() {
        DicomObject plan = new DicomObject();
        plan.setString(Tag.SOPClassUID, RT_PLAN);
        plan.setString(Tag.SOPInstanceUID, "1.2.826.0.1.3680043.2.1125.9");
        Sequence beams = plan.newSequence(Tag.BeamSequence);
        DicomObject beam = beams.addItem();
        beam.setLong(Tag.BeamNumber, 1);
        beam.setString(Tag.BeamType, "STATIC");
        beam.setLong(Tag.NumberOfWedges, 0);
        return plan;
    }

    private static List<String> errors(List<Finding> findings) {
        return findings.stream().filter(f -> f.severity() == Severity.ERROR)
                .map(f -> f.rule() + " " + f.module() + " " + f.keyword() + " @" + f.itemPath()).toList();
    }

    @Test
    void reportsEveryMissingAttributeAtEveryLevelNotJustTheFirst() {
        List<String> errors = errors(validator.validate(rtPlanWithOneBeam()));

        assertThat(errors).contains(
                "MISSING_TYPE_2 rt-beams TreatmentMachineName @BeamSequence[1]",
                "MISSING_TYPE_1 rt-beams BeamLimitingDeviceSequence @BeamSequence[1]",
                "MISSING_TYPE_1 rt-beams NumberOfCompensators @BeamSequence[1]",
                "MISSING_TYPE_1 general-study StudyInstanceUID @",
                "MISSING_TYPE_2 patient PatientName @")
                .doesNotContain("MISSING_TYPE_1 rt-beams BeamNumber @BeamSequence[1]");
    }

    @Test
    void checksConditionalAttributesByTheirCondition() {
        DicomObject plan = rtPlanWithOneBeam();
        DicomObject beam = plan.items(Tag.BeamSequence).get(0);

        assertThat(errors(validator.validate(plan))).noneMatch(e -> e.contains("WedgeSequence"));
        beam.setLong(Tag.NumberOfWedges, 1);
        assertThat(errors(validator.validate(plan)))
                .contains("MISSING_CONDITIONAL rt-beams WedgeSequence @BeamSequence[1]");
    }

    @Test
    void reportsAnEnumeratedValueOutsideTheSet() {
        DicomObject plan = rtPlanWithOneBeam();
        plan.items(Tag.BeamSequence).get(0).setString(Tag.BeamType, "WOBBLY");

        List<Finding> findings = validator.validate(plan);

        assertThat(findings).filteredOn(f -> f.rule() == Rule.ENUMERATED_VALUE).singleElement()
                .satisfies(f -> {
                    assertThat(f.tag()).isEqualTo(Tag.BeamType);
                    assertThat(f.itemPath()).isEqualTo("BeamSequence[1]");
                    assertThat(f.reason()).contains("'WOBBLY'", "STATIC", "DYNAMIC");
                });
    }

    @Test
    void reportsValuesThatBreakTheirVr() {
        DicomObject ds = new DicomObject();
        ds.putString(Tag.StudyDate, VR.DA, "20230230");
        ds.putString(Tag.StudyTime, VR.TM, "25");
        ds.putString(Tag.PatientAge, VR.AS, "56Y");
        ds.putString(Tag.SOPInstanceUID, VR.UI, "1.02.3");
        ds.putString(Tag.SliceThickness, VR.DS, "1,5");
        ds.putString(Tag.Modality, VR.CS, "ct");

        List<Finding> findings = validator.validate(ds);

        assertThat(findings).filteredOn(f -> f.rule() == Rule.INVALID_VALUE).extracting(Finding::keyword)
                .containsExactlyInAnyOrder("StudyDate", "StudyTime", "PatientAge", "SOPInstanceUID",
                        "SliceThickness", "Modality");
    }

    @Test
    void aUidOfOneComponentIsInvalid() {
        DicomObject ds = new DicomObject();
        ds.putString(Tag.ReferencedSOPInstanceUID, VR.UI, "0");

        assertThat(validator.validate(ds)).filteredOn(f -> f.rule() == Rule.INVALID_VALUE).singleElement()
                .extracting(Finding::reason).asString().contains("PS3.5 Section 9.1");
    }

    @Test
    void aPersonNameWithTwoValuesBreaksTheDictionarysVm() {
        DicomObject ds = new DicomObject();
        ds.putString(Tag.ReferringPhysicianName, VR.PN, "Doe^John", "Roe^Jane");

        assertThat(validator.validate(ds)).filteredOn(f -> f.rule() == Rule.INVALID_VM).extracting(Finding::keyword)
                .containsExactly("ReferringPhysicianName");
    }

    @Test
    void aType1ValueOfOnlyPaddingIsEmpty() {
        DicomObject plan = rtPlanWithOneBeam();
        plan.items(Tag.BeamSequence).get(0).putString(Tag.BeamType, VR.CS, "  ");

        assertThat(errors(validator.validate(plan))).contains("EMPTY_TYPE_1 rt-beams BeamType @BeamSequence[1]");
    }

    @Test
    void reportsAValueMultiplicityTheDictionaryDoesNotAllow() {
        DicomObject ds = new DicomObject();
        ds.putString(Tag.PixelSpacing, VR.DS, "0.5");

        assertThat(validator.validate(ds)).filteredOn(f -> f.rule() == Rule.INVALID_VM).singleElement()
                .extracting(Finding::reason).isEqualTo("1 values where the dictionary's VM is 2");
    }

    @Test
    void namesAMissingSopClassAsAnUnknownIod() {
        List<Finding> findings = validator.validate(new DicomObject());

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.rule()).isEqualTo(Rule.UNKNOWN_IOD);
        });
    }

    @Test
    void reportsConditionalModulesWhoseConditionCannotBeEvaluatedAsNotChecked() {
        List<Finding> findings = validator.validate(rtPlanWithOneBeam());

        assertThat(findings).filteredOn(f -> f.severity() == Severity.NOT_CHECKED)
                .allMatch(f -> f.rule() == Rule.CONDITION_NOT_EVALUABLE || f.rule() == Rule.MODULE_NOT_TABULATED)
                .isNotEmpty();
    }

    @Test
    void comparesFileMetaWithTheDataSet() {
        DicomObject meta = new DicomObject();
        meta.setString(Tag.MediaStorageSOPClassUID, RT_PLAN);
        meta.setString(Tag.MediaStorageSOPInstanceUID, "1.2.3");
        meta.setString(Tag.TransferSyntaxUID, "1.2.840.10008.1.2.1");
        List<Finding> findings = new java.util.ArrayList<>();

        FileMetaCheck.check(meta, rtPlanWithOneBeam(), findings);

        assertThat(findings).extracting(Finding::reason).containsExactly(
                "MediaStorageSOPInstanceUID 1.2.3 differs from SOPInstanceUID 1.2.826.0.1.3680043.2.1125.9 of the"
                        + " data set", "ImplementationClassUID is missing", "FileMetaInformationGroupLength is missing",
                "FileMetaInformationVersion is missing");
    }

    @Test
    void rowsNotYetCheckedAgainstPs33GiveWarningsNotErrors() {
        DicomObject protocol = new DicomObject();
        protocol.setString(Tag.SOPClassUID, "1.2.840.10008.5.1.4.1.1.200.8");
        protocol.newSequence(Tag.CustodialOrganizationSequence).addItem();

        List<Finding> findings = validator.validate(protocol);

        assertThat(findings).filteredOn(f -> f.module().equals("protocol-context") && f.tag() == Tag.InstitutionName)
                .singleElement().satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.WARNING);
                    assertThat(f.rule()).isEqualTo(Rule.MISSING_TYPE_2);
                    assertThat(f.reason()).contains("not yet checked against PS3.3");
                });
        assertThat(findings).filteredOn(f -> f.module().equals("xa-protocol-series")).singleElement()
                .extracting(Finding::rule).isEqualTo(Rule.MODULE_NOT_TABULATED);
    }

    @Test
    void checksSrContentItemsAtEveryDepthOfTheContentSequence() {
        DicomObject sr = new DicomObject();
        sr.setString(Tag.SOPClassUID, "1.2.840.10008.5.1.4.1.1.88.67");
        sr.setString(Tag.ValueType, "CONTAINER");
        DicomObject level1 = sr.newSequence(Tag.ContentSequence).addItem();
        level1.setString(Tag.RelationshipType, "CONTAINS");
        level1.setString(Tag.ValueType, "CONTAINER");
        DicomObject level2 = level1.newSequence(Tag.ContentSequence).addItem();
        level2.setString(Tag.RelationshipType, "CONTAINS");
        level2.setString(Tag.ValueType, "TEXT");

        List<Finding> findings = validator.validate(sr);

        assertThat(findings).filteredOn(f -> f.tag() == Tag.TextValue && f.severity() == Severity.ERROR)
                .singleElement().satisfies(f -> {
                    assertThat(f.rule()).isEqualTo(Rule.MISSING_CONDITIONAL);
                    assertThat(f.module()).isEqualTo("sr-document-content");
                    assertThat(f.itemPath()).isEqualTo("ContentSequence[1]>ContentSequence[1]");
                });
        assertThat(findings).filteredOn(f -> f.tag() == Tag.ContinuityOfContent && f.severity() == Severity.ERROR)
                .extracting(Finding::itemPath).contains("", "ContentSequence[1]");
    }
}
