package org.kerma.dose.technique;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.VR;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dose.Finding;
import org.kerma.dose.Quantity;
import org.kerma.dose.SharedCorpus;
import org.kerma.dose.Unit;

/** Image technique read from real corpus images and from Enhanced objects built here. */
public class TechniqueReaderTest {

    static DicomObject sample(String path) throws IOException {
        return DicomReader.read(SharedCorpus.openrem().getParent().resolve("samples").resolve(path)).dataset();
    }

    static double value(java.util.Optional<Quantity> q) {
        return q.orElseThrow().value();
    }

    @Test
    void readsDigitalRadiographyTechniqueOfGeOptimaXr220() {
        ImageTechnique t = TechniqueReader.read(SharedCorpus.read("DX-Im-GE_XR220-1.dcm"));
        ExposureTechnique e = t.image();
        assertThat(t.modality()).isEqualTo("DX");
        assertThat(t.device().manufacturer()).contains("GE Healthcare");
        assertThat(t.device().modelName()).contains("Optima XR220");
        assertThat(t.protocolName()).contains("ABD_1_VIEW");
        assertThat(t.bodyPartExamined()).contains("ABDOMEN");
        assertThat(t.numberOfFrames()).isEqualTo(1);
        assertThat(t.acquisitionDateTime()).contains(LocalDateTime.of(2014, 9, 30, 14, 11, 33));
        assertThat(value(e.kvp())).isEqualTo(69.639999);
        assertThat(value(e.tubeCurrent())).isEqualTo(189);
        assertThat(value(e.exposureTime())).isCloseTo(0.006, within(1e-12));
        assertThat(e.exposureTime().orElseThrow().originalUnit()).isEqualTo("ms");
        // Exposure in µAs (1040) is finer than Exposure (1 mAs) and wins
        assertThat(value(e.exposure())).isCloseTo(1.04, within(1e-12));
        assertThat(e.exposure().orElseThrow().originalValue()).isEqualTo(1040);
        // 0.41 dGy·cm² = 4.1e-6 Gy·m²
        assertThat(value(e.areaDoseProduct())).isCloseTo(4.1e-6, within(1e-15));
        assertThat(e.areaDoseProduct().orElseThrow().unit()).isEqualTo(Unit.GRAY_SQUARE_METRE);
        assertThat(value(e.exposureIndex())).isEqualTo(51.745061);
        assertThat(value(e.deviationIndex())).isEqualTo(-9.3);
        assertThat(value(e.focalSpot())).isEqualTo(0.6);
        assertThat(e.collimatorShape()).contains("POLYGONAL");
        assertThat(t.frames()).isEmpty();
        assertThat(t.findings()).isEmpty();
    }

    @Test
    void readsMammographyTechniqueOfGeSenographeWithEntranceDoseInMilligray() {
        ImageTechnique t = TechniqueReader.read(SharedCorpus.read("MG-Im-GE_Seno_1_ForPresentation.dcm"));
        ExposureTechnique e = t.image();
        assertThat(t.device().serialNumber()).contains("87654");
        assertThat(t.protocolName()).contains("STEREO");
        assertThat(t.bodyPartExamined()).contains("BREAST");
        assertThat(t.acquisitionDateTime()).contains(LocalDateTime.of(2013, 4, 12, 13, 22, 23));
        assertThat(value(e.kvp())).isEqualTo(26);
        assertThat(value(e.exposureTime())).as("206 ms, without binary noise").isEqualTo(0.206);
        assertThat(value(e.exposure())).isCloseTo(20.8, within(1e-12));
        assertThat(value(e.entranceDose())).isCloseTo(0.001694, within(1e-12));
        assertThat(e.entranceDose().orElseThrow().originalUnit()).isEqualTo("mGy");
        assertThat(value(e.relativeXRayExposure())).isEqualTo(1694);
        assertThat(value(e.distanceSourceToDetector())).isEqualTo(660);
        assertThat(value(e.distanceSourceToPatient())).isEqualTo(660);
        assertThat(value(e.positionerPrimaryAngle())).isEqualTo(0);
        assertThat(e.filterMaterial()).contains("MOLYBDENUM");
        assertThat(e.filterType()).contains("STRIP");
        assertThat(value(e.focalSpot())).isEqualTo(0.3);
    }

    @Test
    void readsCtTechniqueOfPydicomCtSmall() throws IOException {
        ImageTechnique t = TechniqueReader.read(sample("pydicom+pydicom/src/pydicom/data/test_files/CT_small.dcm"));
        ExposureTechnique e = t.image();
        assertThat(t.modality()).isEqualTo("CT");
        assertThat(t.device().modelName()).contains("RHAPSODE");
        assertThat(value(e.kvp())).isEqualTo(120);
        assertThat(value(e.tubeCurrent())).isEqualTo(170);
        assertThat(value(e.exposureTime())).isCloseTo(1.601, within(1e-12));
        assertThat(value(e.exposure())).isEqualTo(170);
        assertThat(value(e.distanceSourceToDetector())).isEqualTo(1099.3100585938);
        assertThat(e.filterType()).contains("LARGE BOWTIE FIL");
        assertThat(t.acquisitionDateTime()).contains(LocalDateTime.of(1997, 4, 30, 11, 29, 36));
    }

    @Test
    void readsAngiographyGeometryAndCineFramesOfAnXaImage() throws IOException {
        ImageTechnique t = TechniqueReader.read(
                sample("fo-dicom+fo-dicom/Tests/FO-DICOM.Tests/Test Data/HasFragmentSequence.dcm"));
        assertThat(t.modality()).isEqualTo("XA");
        assertThat(t.numberOfFrames()).isEqualTo(96);
        assertThat(value(t.frameTime())).isCloseTo(0.033, within(1e-12));
        assertThat(t.radiationSetting()).contains("GR");
        assertThat(value(t.image().positionerPrimaryAngle())).isEqualTo(-32);
        assertThat(value(t.image().positionerSecondaryAngle())).isEqualTo(2);
        assertThat(t.image().kvp()).isEmpty();
    }

    @Test
    void readsFluoroscopyRadiationSettingAndDeviceOfAnRfImage() throws IOException {
        ImageTechnique t = TechniqueReader.read(sample("orthanc-mirrors+orthanc-tests/Database/KarstenHilbertRF.dcm"));
        assertThat(t.modality()).isEqualTo("RF");
        assertThat(t.radiationSetting()).contains("SC");
        assertThat(t.device().manufacturer()).contains("SIEMENS");
        assertThat(t.device().serialNumber()).contains("4209");
        assertThat(t.image().kvp()).isEmpty();
    }

    @Test
    void readsTheSharedIrradiationEventUidOfAnEnhancedCtImage() throws IOException {
        ImageTechnique t = TechniqueReader.read(sample("pydicom+pydicom-data/data_store/data/eCT_Supplemental.dcm"));
        assertThat(t.numberOfFrames()).isEqualTo(2);
        assertThat(t.image().irradiationEventUid()).contains("1.3.6.1.4.1.5962.1.10.10.3.1.1166562673.14401");
        assertThat(t.irradiationEventUids()).containsExactly("1.3.6.1.4.1.5962.1.10.10.3.1.1166562673.14401");
        assertThat(t.frames()).as("per-frame groups carry no technique").isEmpty();
    }

    public static DicomObject enhancedXa() {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SOPClassUID, "1.2.840.10008.5.1.4.1.1.12.1.1");
        ds.setString(Tag.SOPInstanceUID, "1.2.3.4.5");
        ds.setString(Tag.StudyInstanceUID, "1.2.3");
        ds.setString(Tag.Modality, "XA");
        ds.setString(Tag.Manufacturer, "Acme");
        ds.setString(Tag.DeviceSerialNumber, "SN-1");
        ds.setString(Tag.NumberOfFrames, "3");
        ds.setString(Tag.AcquisitionDateTime, "20240102030405.250");
        DicomObject shared = ds.newSequence(Tag.SharedFunctionalGroupsSequence).addItem();
        shared.newSequence(Tag.FrameAcquisitionSequence).addItem().setString(Tag.KVP, "80");
        shared.newSequence(Tag.XRayGeometrySequence).addItem().setString(Tag.DistanceSourceToDetector, "1195");
        var perFrame = ds.newSequence(Tag.PerFrameFunctionalGroupsSequence);
        String[] primary = {"-30", "-30.5", "-31"};
        String[] current = {"12", "12.5", "13"};
        for (int i = 0; i < 3; i++) {
            DicomObject f = perFrame.addItem();
            f.newSequence(Tag.FrameContentSequence).addItem()
                    .setString(Tag.FrameAcquisitionDateTime, "2024010203040" + (5 + i) + ".250");
            f.newSequence(Tag.PositionerPositionSequence).addItem()
                    .setString(Tag.PositionerPrimaryAngle, primary[i])
                    .setString(Tag.PositionerSecondaryAngle, "15");
            f.newSequence(Tag.IrradiationEventIdentificationSequence).addItem()
                    .setString(Tag.IrradiationEventUID, i < 2 ? "1.9.1" : "1.9.2");
            f.newSequence(Tag.FrameAcquisitionSequence).addItem().setString(Tag.KVP, "80")
                    .setDouble(Tag.XRayTubeCurrentInmA, Double.parseDouble(current[i]));
        }
        return ds;
    }

    @Test
    void readsEnhancedXaPerFrameWithSharedGroupsMergedIn() {
        ImageTechnique t = TechniqueReader.read(enhancedXa());
        assertThat(t.frames()).hasSize(3);
        assertThat(value(t.image().kvp())).isEqualTo(80);
        assertThat(value(t.image().distanceSourceToDetector())).isEqualTo(1195);
        assertThat(t.image().positionerPrimaryAngle()).as("varies per frame: not an image value").isEmpty();
        ExposureTechnique second = t.frames().get(1);
        assertThat(value(second.positionerPrimaryAngle())).isEqualTo(-30.5);
        assertThat(value(second.positionerSecondaryAngle())).isEqualTo(15);
        assertThat(value(second.tubeCurrent())).isEqualTo(12.5);
        assertThat(value(second.distanceSourceToDetector())).as("from the shared group").isEqualTo(1195);
        assertThat(second.acquisitionDateTime()).contains(LocalDateTime.of(2024, 1, 2, 3, 4, 6, 250_000_000));
        assertThat(t.irradiationEventUids()).containsExactly("1.9.1", "1.9.2");
        assertThat(t.acquisitionDateTime()).contains(LocalDateTime.of(2024, 1, 2, 3, 4, 5, 250_000_000));
    }

    @Test
    void readsEnhancedCtExposurePerFrame() {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.Modality, "CT");
        DicomObject shared = ds.newSequence(Tag.SharedFunctionalGroupsSequence).addItem();
        shared.newSequence(Tag.CTXRayDetailsSequence).addItem().setString(Tag.KVP, "120")
                .setString(Tag.FocalSpots, "1.2").setString(Tag.FilterType, "BODY");
        shared.newSequence(Tag.CTAcquisitionDetailsSequence).addItem().setString(Tag.TableHeight, "142.5");
        var perFrame = ds.newSequence(Tag.PerFrameFunctionalGroupsSequence);
        for (int i = 0; i < 2; i++) {
            DicomObject f = perFrame.addItem();
            f.newSequence(Tag.CTExposureSequence).addItem().setDouble(Tag.CTDIvol, 7.5 + i)
                    .setDouble(Tag.ExposureTimeInms, 500).setDouble(Tag.XRayTubeCurrentInmA, 200 + 10 * i)
                    .setDouble(Tag.ExposureInmAs, 100 + 5 * i);
            f.newSequence(Tag.CTPositionSequence).addItem().setDouble(Tag.TablePosition, -100 - 5 * i);
        }
        ImageTechnique t = TechniqueReader.read(ds);
        assertThat(t.frames()).hasSize(2);
        ExposureTechnique second = t.frames().get(1);
        assertThat(value(second.ctdivol())).isEqualTo(8.5);
        assertThat(second.ctdivol().orElseThrow().unit()).isEqualTo(Unit.MILLIGRAY);
        assertThat(value(second.exposureTime())).isEqualTo(0.5);
        assertThat(value(second.tubeCurrent())).isEqualTo(210);
        assertThat(value(second.exposure())).isEqualTo(105);
        assertThat(value(second.tableLongitudinalPosition())).isEqualTo(-105);
        assertThat(value(second.kvp())).isEqualTo(120);
        assertThat(value(second.tableHeight())).isEqualTo(142.5);
        assertThat(value(second.focalSpot())).isEqualTo(1.2);
        assertThat(second.filterType()).contains("BODY");
    }

    @Test
    void unreadableNegativeAndImplausibleValuesGiveFindingsNamingTheAttributePath() {
        DicomObject ds = enhancedXa();
        ds.items(Tag.PerFrameFunctionalGroupsSequence).get(1).items(Tag.FrameAcquisitionSequence).get(0)
                .putString(Tag.KVP, VR.DS, "eighty");
        ds.setString(Tag.ImageAndFluoroscopyAreaDoseProduct, "-3");
        ds.setString(Tag.ExposureTime, "7200000");
        ImageTechnique t = TechniqueReader.read(ds);
        assertThat(t.findings()).extracting(Finding::severity, Finding::path).contains(
                org.assertj.core.groups.Tuple.tuple(Finding.Severity.ERROR,
                        "PerFrameFunctionalGroupsSequence[2].FrameAcquisitionSequence[1].KVP"),
                org.assertj.core.groups.Tuple.tuple(Finding.Severity.ERROR, "ImageAndFluoroscopyAreaDoseProduct"),
                org.assertj.core.groups.Tuple.tuple(Finding.Severity.WARNING, "ExposureTime"));
        assertThat(t.image().areaDoseProduct()).isEmpty();
        assertThat(value(t.image().exposureTime())).isEqualTo(7200);
        assertThat(value(t.frames().get(1).kvp())).as("the shared value stands in for the unreadable one")
                .isEqualTo(80);
    }

    @Test
    void carestreamDr7500SourceToDetectorDistanceInDecimetresIsFlaggedImplausible() {
        ImageTechnique t = TechniqueReader.read(SharedCorpus.read("DX-Im-Carestream_DR7500-1.dcm"));
        assertThat(value(t.image().distanceSourceToDetector())).isEqualTo(11.5);
        assertThat(t.findings()).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
            assertThat(f.path()).isEqualTo("DistanceSourceToDetector");
            assertThat(f.message()).contains("implausible value 11.5 mm");
        });
        assertThat(value(t.image().kvp())).isEqualTo(80);
        assertThat(value(t.image().areaDoseProduct())).isCloseTo(11.013e-5, within(1e-15));
    }

    @Test
    void devicesAreTheSameByUidOrByManufacturerAndSerial() {
        Device a = new Device(java.util.Optional.of("GE Healthcare"), java.util.Optional.empty(),
                java.util.Optional.of("123"), java.util.Optional.empty(), java.util.Optional.empty());
        Device b = new Device(java.util.Optional.of("GE HEALTHCARE "), java.util.Optional.of("X"),
                java.util.Optional.of("123"), java.util.Optional.empty(), java.util.Optional.of("1.2.3"));
        Device c = new Device(java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.of("1.2.3"));
        assertThat(a.sameAs(b)).isTrue();
        assertThat(b.sameAs(c)).isTrue();
        assertThat(a.sameAs(c)).isFalse();
        assertThat(Device.UNKNOWN.sameAs(Device.UNKNOWN)).isFalse();
    }
}
