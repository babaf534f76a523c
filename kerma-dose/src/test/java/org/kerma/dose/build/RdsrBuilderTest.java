package org.kerma.dose.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kerma.dicom.Code;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dicom.sr.ContentItem;
import org.kerma.dicom.sr.ContentTree;
import org.kerma.dose.DoseReport;
import org.kerma.dose.rdsr.RdsrReader;
import org.kerma.standard.validate.Finding;
import org.kerma.standard.validate.IodValidator;
import org.kerma.standard.validate.Severity;

/**
 * Every profile × both root templates: the built file's root order matches the profile, it reads back to the same
 * numbers, and real peers accept it (dicom3tools dciodvfy, dcmtk dsrdump), as does Kerma's IodValidator.
 */
class RdsrBuilderTest {
    @TempDir
    Path dir;

    static Stream<Arguments> profilesAndReports() {
        List<Arguments> all = new ArrayList<>();
        for (String profile : VendorProfile.NAMES) {
            all.add(Arguments.of(profile, "10011"));
            all.add(Arguments.of(profile, "10001"));
        }
        return all.stream();
    }

    static DoseReport sample(String tid) {
        return tid.equals("10011") ? SampleReports.ct() : SampleReports.projection();
    }

    private Path build(String profile, String tid) throws Exception {
        Path file = dir.resolve(profile + "-" + tid + ".dcm");
        RdsrBuilder.with(VendorProfile.named(profile)).uidRoot("1.2.826.0.1.3680043.10.1234").write(sample(tid),
                file);
        return file;
    }

    @ParameterizedTest(name = "{0} TID {1}")
    @MethodSource("profilesAndReports")
    void rootContentItemsFollowTheProfileOrder(String profile, String tid) throws Exception {
        DicomObject sr = DicomReader.read(build(profile, tid)).dataset();
        List<RootItem> seen = new ArrayList<>();
        for (ContentItem item : ContentTree.of(sr).root().children()) {
            RootItem kind = RootItemOf.item(item);
            if (seen.isEmpty() || seen.get(seen.size() - 1) != kind) {
                seen.add(kind);
            }
        }
        assertThat(seen).containsExactlyElementsOf(VendorProfile.named(profile).order(tid));
    }

    @ParameterizedTest(name = "{0} TID {1}")
    @MethodSource("profilesAndReports")
    void builtReportReadsBackToTheSameNumbers(String profile, String tid) throws Exception {
        DoseReport in = sample(tid);
        DoseReport out = RdsrReader.read(DicomReader.read(build(profile, tid)).dataset());
        assertThat(out.findings()).isEmpty();
        assertThat(out.quirks()).isEmpty();
        RoundTrip.assertSameDose(in, out, VendorProfile.named(profile));
    }

    @ParameterizedTest(name = "{0} TID {1}")
    @MethodSource("profilesAndReports")
    void dciodvfyFindsNoErrors(String profile, String tid) throws Exception {
        Peer.Result r = Peer.run("dciodvfy", "-new", build(profile, tid).toString());
        List<String> errors = r.lines().stream().filter(l -> l.startsWith("Error")).toList();
        assertThat(errors).as(r.output()).isEmpty();
        assertThat(Peer.unexplainedWarnings(r.lines())).as(r.output()).isEmpty();
    }

    @ParameterizedTest(name = "{0} TID {1}")
    @MethodSource("profilesAndReports")
    void dsrdumpReadsTheReport(String profile, String tid) throws Exception {
        Peer.Result r = Peer.run("dsrdump", build(profile, tid).toString());
        assertThat(r.exitCode()).as(r.output()).isZero();
        assertThat(r.lines()).as(r.output()).noneMatch(l -> l.startsWith("W:") || l.startsWith("E:"));
        assertThat(r.output()).doesNotContainIgnoringCase("error").contains("X-Ray Radiation Dose Report")
                .contains(tid.equals("10011") ? "CT Acquisition" : "Irradiation Event X-Ray Data");
    }

    @ParameterizedTest(name = "{0} TID {1}")
    @MethodSource("profilesAndReports")
    void iodValidatorFindsNoErrors(String profile, String tid) throws Exception {
        List<Finding> errors = IodValidator.standard().validate(DicomReader.read(build(profile, tid)))
                .stream().filter(f -> f.severity() == Severity.ERROR).toList();
        assertThat(errors).isEmpty();
    }

    @ParameterizedTest(name = "{0} TID {1}")
    @MethodSource("profilesAndReports")
    void everyMandatoryTemplateRowIsPresentWithTheTemplatesUnits(String profile, String tid) throws Exception {
        assertThat(TemplateConformance.violations(DicomReader.read(build(profile, tid)).dataset())).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void templateCheckCatchesMissingMandatoryItemsAndAWrongUnit() throws Exception {
        DicomObject sr = DicomReader.read(build("standard", "10011")).dataset();
        ContentItem accumulated = ContentTree.of(sr).root().child(org.kerma.dicom.sr.Concepts.DCM.CTAccumulatedDoseData)
                .orElseThrow();
        accumulated.dataset().findSequence(Tag.ContentSequence).orElseThrow().removeItem(1);
        ContentItem events = accumulated.children().get(0);
        events.dataset().items(Tag.MeasuredValueSequence).get(0).items(Tag.MeasurementUnitsCodeSequence).get(0)
                .setString(Tag.CodeValue, "1");
        ContentItem spiralDose = ContentTree.of(sr).root().children(org.kerma.dicom.sr.Concepts.DCM.CTAcquisition)
                .get(1).child(org.kerma.dicom.sr.Concepts.DCM.CTDose).orElseThrow();
        ContentItem alert = spiralDose.child(org.kerma.dicom.sr.Concepts.DCM.DoseCheckAlertDetails).orElseThrow();
        alert.dataset().findSequence(Tag.ContentSequence).orElseThrow().removeItem(0);
        assertThat(TemplateConformance.violations(sr)).containsExactlyInAnyOrder(
                "1.15.6.4: TID 10015 row 2 DLP Alert Value Configured (CODE) is missing",
                "1.13: TID 10012 row 3 CT Dose Length Product Total (NUM) is missing",
                "1.13.1: TID 10012 row 2 Total Number of Irradiation Events in 1, the template says {events}");
    }

    /** Which profile item a root content item is. */
    static final class RootItemOf {
        static RootItem item(ContentItem item) {
            Code name = item.conceptName().orElseThrow();
            return switch (name.value()) {
                case "121058" -> RootItem.PROCEDURE_REPORTED;
                case "121005" -> RootItem.OBSERVER_TYPE;
                case "121012" -> RootItem.DEVICE_OBSERVER_UID;
                case "121013" -> RootItem.DEVICE_OBSERVER_NAME;
                case "121014" -> RootItem.DEVICE_OBSERVER_MANUFACTURER;
                case "121015" -> RootItem.DEVICE_OBSERVER_MODEL_NAME;
                case "121016" -> RootItem.DEVICE_OBSERVER_SERIAL_NUMBER;
                case "121017" -> RootItem.DEVICE_OBSERVER_PHYSICAL_LOCATION;
                case "113876" -> RootItem.DEVICE_ROLE_IN_PROCEDURE;
                case "113809" -> RootItem.START_OF_XRAY_IRRADIATION;
                case "113810" -> RootItem.END_OF_XRAY_IRRADIATION;
                case "113705" -> RootItem.SCOPE_OF_ACCUMULATION;
                case "113811" -> RootItem.CT_ACCUMULATED_DOSE_DATA;
                case "113819" -> RootItem.CT_ACQUISITIONS;
                case "113702" -> RootItem.ACCUMULATED_XRAY_DOSE_DATA;
                case "113706" -> RootItem.IRRADIATION_EVENTS;
                case "113854" -> RootItem.SOURCE_OF_DOSE_INFORMATION;
                default -> throw new AssertionError("unexpected root item " + name + " at " + item.path());
            };
        }
    }
}
