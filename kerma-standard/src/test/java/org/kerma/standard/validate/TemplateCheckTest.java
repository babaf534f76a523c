package org.kerma.standard.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.Code;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Sequence;
import org.kerma.dicom.Tag;
import org.kerma.dicom.io.DicomReader;

class TemplateCheckTest {
    private static final String XRAY_RADIATION_DOSE_SR = "1.2.840.10008.5.1.4.1.1.88.67";
    private final IodValidator validator = IodValidator.standard();

    private static Code dcm(String value, String meaning) {
        return new Code(value, "DCM", meaning);
    }

    private static DicomObject item(DicomObject parent, String relationship, String valueType, Code concept) {
        Sequence content = parent.findValue(Tag.ContentSequence).orElse(null) instanceof Sequence s ? s
                : parent.newSequence(Tag.ContentSequence);
        DicomObject item = content.addItem();
        item.setString(Tag.RelationshipType, relationship);
        item.setString(Tag.ValueType, valueType);
        concept.writeTo(item.newSequence(Tag.ConceptNameCodeSequence).addItem());
        return item;
    }

    private static DicomObject num(DicomObject parent, Code concept, String value, String units) {
        DicomObject item = item(parent, "CONTAINS", "NUM", concept);
        DicomObject measured = item.newSequence(Tag.MeasuredValueSequence).addItem();
        measured.setString(Tag.NumericValue, value);
        new Code(units, "UCUM", units).writeTo(measured.newSequence(Tag.MeasurementUnitsCodeSequence).addItem());
        return item;
    }

    private static DicomObject code(DicomObject parent, String relationship, Code concept, Code value) {
        DicomObject item = item(parent, relationship, "CODE", concept);
        value.writeTo(item.newSequence(Tag.ConceptCodeSequence).addItem());
        return item;
    }

    private static DicomObject uid(DicomObject parent, String relationship, Code concept, String uid) {
        DicomObject item = item(parent, relationship, "UIDREF", concept);
        item.setString(Tag.UID, uid);
        return item;
    }

    /** A CT dose report with every mandatory row of TID 10011, 10012, 10013 and 10014: one CT acquisition. */
    static DicomObject conformingCtDoseReport() {
        DicomObject d = new DicomObject();
        d.setString(Tag.SOPClassUID, XRAY_RADIATION_DOSE_SR);
        d.setString(Tag.ValueType, "CONTAINER");
        d.setString(Tag.ContinuityOfContent, "SEPARATE");
        dcm("113701", "X-Ray Radiation Dose Report").writeTo(d.newSequence(Tag.ConceptNameCodeSequence).addItem());
        DicomObject template = d.newSequence(Tag.ContentTemplateSequence).addItem();
        template.setString(Tag.MappingResource, "DCMR");
        template.setString(Tag.TemplateIdentifier, "10011");
        DicomObject procedure = code(d, "HAS CONCEPT MOD", dcm("121058", "Procedure reported"),
                new Code("77477000", "SCT", "Computed Tomography X-Ray"));
        code(procedure, "HAS CONCEPT MOD", new Code("363703001", "SCT", "Has Intent"),
                new Code("261004008", "SCT", "Diagnostic Intent"));
        DicomObject start = item(d, "HAS OBS CONTEXT", "DATETIME", dcm("113809", "Start of X-Ray Irradiation"));
        start.setString(Tag.DateTime, "20240101120000");
        DicomObject end = item(d, "HAS OBS CONTEXT", "DATETIME", dcm("113810", "End of X-Ray Irradiation"));
        end.setString(Tag.DateTime, "20240101121000");
        DicomObject scope = code(d, "HAS OBS CONTEXT", dcm("113705", "Scope of Accumulation"),
                dcm("113014", "Study"));
        uid(scope, "HAS PROPERTIES", dcm("110180", "Study Instance UID"), "1.2.3.4");
        DicomObject accumulated = item(d, "CONTAINS", "CONTAINER", dcm("113811", "CT Accumulated Dose Data"));
        num(accumulated, dcm("113812", "Total Number of Irradiation Events"), "1", "{events}");
        num(accumulated, dcm("113813", "CT Dose Length Product Total"), "250", "mGy.cm");
        DicomObject acquisition = item(d, "CONTAINS", "CONTAINER", dcm("113819", "CT Acquisition"));
        code(acquisition, "CONTAINS", dcm("123014", "Target Region"), new Code("816094009", "SCT", "Chest"));
        code(acquisition, "CONTAINS", dcm("113820", "CT Acquisition Type"),
                new Code("116152004", "SCT", "Spiral Acquisition"));
        uid(acquisition, "CONTAINS", dcm("113769", "Irradiation Event UID"), "1.2.3.4.5");
        DicomObject parameters = item(acquisition, "CONTAINS", "CONTAINER", dcm("113822", "CT Acquisition Parameters"));
        num(parameters, dcm("113824", "Exposure Time"), "5", "s");
        num(parameters, dcm("113825", "Scanning Length"), "300", "mm");
        num(parameters, dcm("113826", "Nominal Single Collimation Width"), "0.6", "mm");
        num(parameters, dcm("113827", "Nominal Total Collimation Width"), "38.4", "mm");
        num(parameters, dcm("113823", "Number of X-Ray Sources"), "1", "{X-Ray sources}");
        DicomObject source = item(parameters, "CONTAINS", "CONTAINER", dcm("113831", "CT X-Ray Source Parameters"));
        item(source, "CONTAINS", "TEXT", dcm("113832", "Identification of the X-Ray Source"))
                .setString(Tag.TextValue, "A");
        num(source, dcm("113733", "KVP"), "120", "kV");
        num(source, dcm("113833", "Maximum X-Ray Tube Current"), "300", "mA");
        num(source, dcm("113734", "X-Ray Tube Current"), "200", "mA");
        code(d, "CONTAINS", dcm("113854", "Source of Dose Information"), dcm("113856", "Automated Data Collection"));
        return d;
    }

    private static List<String> templateFindings(List<Finding> findings) {
        return findings.stream().filter(f -> f.rule().name().startsWith("TEMPLATE"))
                .map(f -> f.severity() + " " + f.rule() + " " + f.module() + " @" + f.itemPath()).toList();
    }

    @Test
    void aCtDoseReportWithEveryMandatoryRowHasNoTemplateFinding() {
        assertThat(templateFindings(validator.validate(conformingCtDoseReport()))).isEmpty();
    }

    @Test
    void reportsAMissingMandatoryRowAtItsParentsContentPath() {
        DicomObject report = conformingCtDoseReport();
        DicomObject parameters = report.items(Tag.ContentSequence).get(5).items(Tag.ContentSequence).get(3);
        ((Sequence) parameters.findValue(Tag.ContentSequence).orElseThrow()).removeItem(0);

        List<Finding> findings = validator.validate(report);

        assertThat(templateFindings(findings)).containsExactly("ERROR TEMPLATE_MISSING_ITEM TID 10013 @1.6.4");
        assertThat(findings).filteredOn(f -> f.rule() == Rule.TEMPLATE_MISSING_ITEM).first()
                .extracting(Finding::reason).asString().contains("'Exposure Time'", "row 8");
    }

    @Test
    void reportsUnitsValueTypeAndRelationshipAgainstTheRow() {
        DicomObject report = conformingCtDoseReport();
        DicomObject accumulated = report.items(Tag.ContentSequence).get(4);
        accumulated.items(Tag.ContentSequence).get(1).items(Tag.MeasuredValueSequence).get(0)
                .items(Tag.MeasurementUnitsCodeSequence).get(0).setString(Tag.CodeValue, "mGycm");
        accumulated.items(Tag.ContentSequence).get(0).setString(Tag.ValueType, "TEXT");
        report.items(Tag.ContentSequence).get(3).setString(Tag.RelationshipType, "CONTAINS");

        assertThat(templateFindings(validator.validate(report))).containsExactlyInAnyOrder(
                "ERROR TEMPLATE_VALUE_TYPE TID 10012 @1.5.1",
                "ERROR TEMPLATE_UNITS TID 10012 @1.5.2",
                "ERROR TEMPLATE_RELATIONSHIP TID 10011 @1.4");
    }

    @Test
    void aCodeOutsideADefinedContextGroupIsAWarningAndARepeatedSingleRowAnError() {
        DicomObject report = conformingCtDoseReport();
        DicomObject acquisition = report.items(Tag.ContentSequence).get(5);
        acquisition.items(Tag.ContentSequence).get(1).items(Tag.ConceptCodeSequence).get(0)
                .setString(Tag.CodeValue, "999999");
        code(acquisition, "CONTAINS", dcm("113820", "CT Acquisition Type"),
                new Code("116152004", "SCT", "Spiral Acquisition"));

        assertThat(templateFindings(validator.validate(report))).containsExactlyInAnyOrder(
                "WARNING TEMPLATE_CODED_VALUE TID 10013 @1.6.2",
                "ERROR TEMPLATE_ITEM_COUNT TID 10013 @1.6");
    }

    @Test
    void aRootOtherThanTheDoseReportContainerIsAnError() {
        DicomObject report = conformingCtDoseReport();
        report.items(Tag.ConceptNameCodeSequence).get(0).setString(Tag.CodeValue, "18748-4");

        assertThat(templateFindings(validator.validate(report))).containsExactly("ERROR TEMPLATE_ITEM TID 10011 @1");
    }

    @Test
    void ucumAnnotationsCompareWithoutCase() {
        assertThat(TemplateCheck.sameUnits(new Code("{X-Ray sources}", "UCUM", ""),
                new Code("{X-ray sources}", "UCUM", ""))).isTrue();
        assertThat(TemplateCheck.sameUnits(new Code("mGy.cm", "UCUM", ""), new Code("mGycm", "UCUM", ""))).isFalse();
    }

    private static Path corpusFile(String name) {
        Path p = Path.of(System.getProperty("kerma.shared", "../../shared"), "corpus", "openrem", name);
        assumeTrue(Files.isRegularFile(p), "corpus file " + p + " not staged");
        return p;
    }

    @Test
    void corpusPhilipsCtReportFitsTid10011() throws Exception {
        List<Finding> findings = validator.validate(DicomReader.read(corpusFile("CT-RDSR-Philips_BigBore4DCT.dcm")));

        assertThat(templateFindings(findings)).isEmpty();
    }

    @Test
    void corpusSiemensReportWritesDlpInUnitsThatAreNotUcum() throws Exception {
        List<Finding> findings = validator.validate(DicomReader.read(corpusFile("CT-RDSR-Siemens_Flash-QA-DS.dcm")));

        assertThat(templateFindings(findings)).contains("ERROR TEMPLATE_UNITS TID 10012 @1.12.2",
                "ERROR TEMPLATE_UNITS TID 10013 @1.13.7.3", "ERROR TEMPLATE_MISSING_ITEM TID 1021 @1.13.9");
    }

    @Test
    void corpusProjectionReportIsCheckedAgainstTid10001() throws Exception {
        List<Finding> findings = validator.validate(DicomReader.read(corpusFile("Dual-RDSR-DX.dcm")));

        assertThat(templateFindings(findings)).contains("ERROR TEMPLATE_UNITS TID 10004 @1.9.3",
                "ERROR TEMPLATE_UNITS TID 10003 @1.10.7");
    }
}
