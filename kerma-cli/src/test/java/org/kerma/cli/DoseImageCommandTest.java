package org.kerma.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.io.DicomFile;
import org.kerma.dicom.io.DicomReader;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.WriteOptions;

class DoseImageCommandTest {
    static final String CANON_STUDY = "1.3.6.1.4.1.5962.99.1.84038123.1638714927.1486142755307.30.0";
    static final String CANON_EVENT = "1.3.6.1.4.1.5962.99.1.84038123.1638714927.1486142755307.36.0";

    @TempDir
    Path tmp;

    @Test
    void printsTheTechniqueOfARealDxImageInCanonicalUnits() {
        CommandRun run = CommandRun.kerma(new Object[0], "dose", "image",
                DoseCommandTest.corpus("DX-Im-GE_XR220-1.dcm"));
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("modality: DX").contains("kvp: 69.639999 kV")
                .contains("exposure: 1.04 mAs (1040 uA.s)").contains("areaDoseProduct: 4.1E-6 Gy·m² (0.41 dGy.cm2)")
                .contains("protocolName: ABD_1_VIEW").doesNotContain("producedBy");
    }

    /** The corpus DX image re-filed into the study of the Canon CXDI dose report, as its device would send it. */
    Path canonImage(String name, String acquisitionDateTime, String eventUid) throws IOException {
        DicomFile f = DicomReader.read(Path.of(DoseCommandTest.corpus("DX-Im-GE_XR220-1.dcm")));
        DicomObject ds = f.dataset();
        ds.setString(Tag.StudyInstanceUID, CANON_STUDY);
        ds.setString(Tag.Manufacturer, "Canon Inc.");
        ds.setString(Tag.DeviceSerialNumber, "cabd8dc7c6d6dab5db7");
        ds.setString(Tag.AcquisitionDateTime, acquisitionDateTime);
        if (eventUid != null) {
            ds.setString(Tag.IrradiationEventUID, eventUid);
        }
        Path out = tmp.resolve(name);
        DicomWriter.writeFile(out, f.fileMeta(), ds, f.transferSyntax(), WriteOptions.DEFAULT);
        return out;
    }

    @Test
    void namesTheEventThatProducedTheImageByAcquisitionTime() throws IOException {
        Path image = canonImage("dx.dcm", "20160818192617.443", null);
        CommandRun run = CommandRun.kerma(new Object[0], "dose", "image", image.toString(), "--rdsr",
                DoseCommandTest.corpus("DX-RDSR-Canon_CXDI.dcm"));
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("producedBy (1):")
                .contains("event " + CANON_EVENT + " by TIME_WINDOW, image acquired +0.400 s after event start, "
                        + "from DX-RDSR-Canon_CXDI.dcm")
                .contains("dateTimeStarted: 2016-08-18T19:26:17.043");
    }

    @Test
    void namesTheEventByItsUidAndReportsNoEventOutsideTheWindow() throws IOException {
        Path named = canonImage("named.dcm", "20160818200000", CANON_EVENT);
        Path late = canonImage("late.dcm", "20160818192619.043", null);
        String rdsr = DoseCommandTest.corpus("DX-RDSR-Canon_CXDI.dcm");
        CommandRun run = CommandRun.kerma(new Object[0], "dose", "image", named.toString(), late.toString(),
                "--rdsr", rdsr);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("event " + CANON_EVENT + " by EVENT_UID")
                .contains("producedBy: no irradiation event of the given dose reports");
        CommandRun wide = CommandRun.kerma(new Object[0], "dose", "image", late.toString(), "--rdsr", rdsr,
                "--window", "2.5");
        assertThat(wide.out()).contains("by TIME_WINDOW, image acquired +2.000 s after event start");
    }

    @Test
    void refusesAnRdsrThatIsNotADoseReportAndNamesAMissingImage() {
        CommandRun notDose = CommandRun.kerma(new Object[0], "dose", "image",
                DoseCommandTest.corpus("DX-Im-GE_XR220-1.dcm"), "--rdsr", DoseCommandTest.corpus("ESR_non-dose.dcm"));
        assertThat(notDose.exitCode()).isEqualTo(1);
        assertThat(notDose.err()).contains("--rdsr").contains("ESR_non-dose.dcm")
                .contains("not a radiation dose report");
        CommandRun missing = CommandRun.kerma(new Object[0], "dose", "image", "no-such.dcm");
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.err()).contains("no such file: no-such.dcm");
    }
}
