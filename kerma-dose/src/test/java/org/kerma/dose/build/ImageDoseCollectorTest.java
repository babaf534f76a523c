package org.kerma.dose.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.Uid;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.WriteOptions;
import org.kerma.dicom.sr.Concepts.DCM;
import org.kerma.dicom.sr.Concepts.SCT;
import org.kerma.dose.CtIrradiationEvent;
import org.kerma.dose.DoseReport;
import org.kerma.dose.Quantity;
import org.kerma.dose.rdsr.RdsrReader;

class ImageDoseCollectorTest {
    private static final UidGenerator UIDS = new UidGenerator("1.2.826.0.1.3680043.10.1234");
    private static final String STUDY = "1.2.826.0.1.3680043.10.1234.7";

    @TempDir
    Path dir;

    private static DicomObject ctImage(String series, int number, double z, String... imageType) {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SOPClassUID, Uid.CTImageStorage);
        ds.setString(Tag.SOPInstanceUID, series + "." + number);
        ds.setString(Tag.ImageType, imageType);
        ds.setString(Tag.Modality, "CT");
        ds.setString(Tag.StudyInstanceUID, STUDY);
        ds.setString(Tag.SeriesInstanceUID, series);
        ds.setString(Tag.StudyDate, "20260302");
        ds.setString(Tag.StudyTime, "080000");
        ds.setString(Tag.AcquisitionDate, "20260302");
        ds.setString(Tag.AcquisitionTime, String.format("0801%02d", number));
        ds.setString(Tag.AccessionNumber, "ACC777");
        ds.setString(Tag.PatientName, "Poe^Edgar");
        ds.setString(Tag.PatientID, "PAT-777");
        ds.setString(Tag.Manufacturer, "Kerma Test Works");
        ds.setString(Tag.ManufacturerModelName, "KT-16");
        ds.setString(Tag.DeviceSerialNumber, "SN-16");
        ds.setString(Tag.SoftwareVersions, "4.2");
        ds.setString(Tag.StationName, "CT16");
        ds.setString(Tag.BodyPartExamined, "CHEST");
        ds.setString(Tag.ProtocolName, "Thorax");
        ds.setDouble(Tag.KVP, 120);
        ds.setDouble(Tag.XRayTubeCurrent, 200 + number);
        ds.setDouble(Tag.ExposureTime, 500);
        ds.setDouble(Tag.SingleCollimationWidth, 0.625);
        ds.setDouble(Tag.TotalCollimationWidth, 40);
        ds.setDouble(Tag.RevolutionTime, 0.5);
        ds.setDouble(Tag.SliceThickness, 5);
        ds.setDouble(Tag.ImagePositionPatient, -250, -250, z);
        return ds;
    }

    /** A localizer (one image) and a spiral of 10 images, z −10.5 to −505.5, 5 mm slices, CTDIvol 8 mGy. */
    private void writeCtStudy() throws Exception {
        write(ctImage(STUDY + ".1", 1, 0, "ORIGINAL", "PRIMARY", "LOCALIZER"), "loc.dcm");
        for (int i = 0; i < 10; i++) {
            DicomObject img = ctImage(STUDY + ".2", i + 2, -10.5 - 55 * i, "ORIGINAL", "PRIMARY", "AXIAL");
            img.setDouble(Tag.CTDIvol, 8);
            img.setDouble(Tag.SpiralPitchFactor, 1.25);
            img.setString(Tag.AcquisitionType, "SPIRAL");
            write(img, "spiral" + i + ".dcm");
        }
        Files.writeString(dir.resolve("notes.txt"), "not DICOM");
    }

    private void write(DicomObject ds, String name) throws Exception {
        DicomWriter.writeFile(dir.resolve(name), null, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                WriteOptions.DEFAULT);
    }

    @Test
    void ctEventsComeFromSeriesHeadersWithDlpEstimatedAndFlagged() throws Exception {
        writeCtStudy();
        DoseReport report = ImageDoseCollector.collect(dir, UIDS);
        assertThat(report.ctEvents()).hasSize(2);
        CtIrradiationEvent localizer = report.ctEvents().get(0);
        CtIrradiationEvent spiral = report.ctEvents().get(1);
        assertThat(localizer.ctAcquisitionType()).contains(DCM.ConstantAngleAcquisition);
        assertThat(localizer.meanCtdivol()).isEmpty();
        assertThat(spiral.ctAcquisitionType()).contains(SCT.SpiralAcquisition);
        assertThat(spiral.targetRegion()).contains(SCT.Chest);
        assertThat(spiral.scanningLength().scanningLength().map(Quantity::value)).contains(500.0);
        assertThat(spiral.meanCtdivol().map(Quantity::value)).contains(8.0);
        assertThat(spiral.dlp().map(Quantity::value)).contains(400.0);
        assertThat(spiral.comment()).hasValueSatisfying(c -> assertThat(c).contains("DLP estimated"));
        assertThat(spiral.sources().get(0).xRayTubeCurrent().map(Quantity::value)).contains(206.5);
        assertThat(spiral.sources().get(0).maximumXRayTubeCurrent().map(Quantity::value)).contains(211.0);
        // spiral exposure time: 500 mm / (1.25 × 40 mm) × 0.5 s
        assertThat(spiral.exposureTime().map(Quantity::value)).contains(5.0);
        assertThat(report.sourceOfDoseInformation()).containsExactly(DCM.ComputedFromImageAttributes);
        assertThat(report.header().studyInstanceUid()).isEqualTo(STUDY);
    }

    @Test
    void reportBuiltFromCtImagesPassesDciodvfyAndReadsBack() throws Exception {
        writeCtStudy();
        DoseReport in = ImageDoseCollector.collect(dir, UIDS);
        Path out = Files.createTempDirectory(dir.getParent(), "out").resolve("ct-from-images.dcm");
        RdsrBuilder.with(VendorProfile.named("siemens")).uidRoot("1.2.826.0.1.3680043.10.1234").write(in, out);
        Peer.Result r = Peer.run("dciodvfy", "-new", out.toString());
        assertThat(r.lines().stream().filter(l -> l.startsWith("Error")).toList()).as(r.output()).isEmpty();
        DicomObject sr = org.kerma.dicom.io.DicomReader.read(out).dataset();
        assertThat(TemplateConformance.violations(sr)).isEmpty();
        DoseReport back = RdsrReader.read(sr);
        RoundTrip.assertSameDose(in, back, VendorProfile.named("siemens"));
        assertThat(back.ctAccumulatedDose().orElseThrow().ctDoseLengthProductTotal().map(Quantity::value))
                .contains(400.0);
    }

    @Test
    void rejectsCtImagesWithoutCollimationNamingTheFileAndAttribute() throws Exception {
        DicomObject img = ctImage(STUDY + ".2", 2, 0, "ORIGINAL", "PRIMARY", "AXIAL");
        img.remove(Tag.SingleCollimationWidth);
        write(img, "a.dcm");
        assertThatThrownBy(() -> ImageDoseCollector.collect(dir, UIDS)).isInstanceOf(RdsrBuildException.class)
                .hasMessageContaining("a.dcm: Single Collimation Width (0018,9306) is absent");
    }

    @Test
    void projectionEventsComeFromDxImagesOfTheSharedCorpus() throws Exception {
        Path corpus = Path.of(System.getProperty("kerma.shared", "../shared"), "corpus", "openrem",
                "DX-Im-SiemensMultix.dcm");
        Assumptions.assumeTrue(Files.exists(corpus), "shared corpus not present");
        Files.copy(corpus, dir.resolve("dx.dcm"));
        DoseReport in = ImageDoseCollector.collect(dir, UIDS);
        assertThat(in.kind()).isEqualTo(DoseReport.Kind.PROJECTION_XRAY);
        // 0.472 dGy·cm² in (0018,115E) is 4.72e-6 Gy·m²
        assertThat(in.events().get(0).doseAreaProduct().map(Quantity::value)).contains(4.72e-6);
        assertThat(in.events().get(0).source().kvp().map(Quantity::value)).contains(117.0);
        assertThat(in.events().get(0).anatomicalStructure()).contains(SCT.Chest);
        Path out = Files.createTempDirectory(dir.getParent(), "out").resolve("dx-from-images.dcm");
        RdsrBuilder.with(VendorProfile.named("medtronic")).write(in, out);
        Peer.Result r = Peer.run("dciodvfy", "-new", out.toString());
        assertThat(r.lines().stream().filter(l -> l.startsWith("Error")).toList()).as(r.output()).isEmpty();
        assertThat(Peer.unexplainedWarnings(r.lines())).as(r.output()).isEmpty();
        for (String profile : List.of("standard", "ge")) {
            DicomObject sr = RdsrBuilder.with(VendorProfile.named(profile)).build(in);
            assertThat(TemplateConformance.violations(sr)).isEmpty();
            DoseReport back = RdsrReader.read(sr);
            RoundTrip.assertSameDose(in, back, VendorProfile.named(profile));
            assertThat(back.events().get(0).detector().acquiredImages())
                    .as("the event references the image it was built from, listed as evidence")
                    .isEqualTo(in.events().get(0).detector().acquiredImages()).hasSize(1);
            assertThat(back.events().get(0).detector().acquiredImages().get(0).seriesInstanceUid()).isNotEmpty();
        }
    }
}
