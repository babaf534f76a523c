package org.kerma.registry.dose;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.Uid;
import org.kerma.dose.DoseReport;
import org.kerma.dose.build.JsonDoseDescription;
import org.kerma.dose.build.RdsrBuilder;
import org.kerma.dose.build.UidGenerator;
import org.kerma.dose.build.VendorProfile;
import org.kerma.registry.TestObjects;

/**
 * Small dose studies built in code with known links: XA images with and without Irradiation Event UIDs, and
 * projection dose reports (TID 10001, built by RdsrBuilder from a JSON description) of the same device.
 */
public final class DoseStudies {
    public static final String DEVICE_UID = TestObjects.ROOT + "77.1";
    public static final String MANUFACTURER = "Kerma Test Works";
    public static final String SERIAL = "SN-42";

    private DoseStudies() {
    }

    /** Event UID {@code n} of study {@code study}. */
    public static String event(String study, int n) {
        return study + ".9." + n;
    }

    /**
     * An XA image acquired at {@code acquired} (e.g. "20240315101001.400"), naming {@code eventUid} when not null.
     */
    public static DicomObject xaImage(String patientId, String study, String sop, String eventUid, String acquired) {
        DicomObject ds = TestObjects.ctImage(patientId, "Dose^Pat", study, study + ".1", sop);
        ds.setString(Tag.SOPClassUID, Uid.XRayAngiographicImageStorage);
        ds.setString(Tag.Modality, "XA");
        ds.setString(Tag.Manufacturer, MANUFACTURER);
        ds.setString(Tag.DeviceSerialNumber, SERIAL);
        ds.setString(Tag.ManufacturerModelName, "KT-X");
        ds.setString(Tag.SoftwareVersions, "1");
        ds.setString(Tag.AcquisitionDateTime, acquired);
        ds.setString(Tag.KVP, "80");
        ds.setString(Tag.XRayTubeCurrent, "12");
        ds.setString(Tag.ImageAndFluoroscopyAreaDoseProduct, "0.21"); // dGy·cm² = 2.1e-6 Gy·m²
        if (eventUid != null) {
            ds.setString(Tag.IrradiationEventUID, eventUid);
        }
        return ds;
    }

    /** A DX image of an image-only study, with its own event UID and DAP in dGy·cm². */
    public static DicomObject dxImage(String patientId, String study, String sop, String eventUid, String dap) {
        DicomObject ds = xaImage(patientId, study, sop, eventUid, "20240315101500");
        ds.setString(Tag.SOPClassUID, Uid.DigitalXRayImageStorageForPresentation);
        ds.setString(Tag.Modality, "DX");
        ds.setString(Tag.ImageAndFluoroscopyAreaDoseProduct, dap);
        return ds;
    }

    /** One projection event: UID, start ("2024-03-15T10:10:01"), type code (DCM) and DAP in Gy·m². */
    public record Ev(String uid, String start, String type, double dapGym2) {
    }

    /** A projection dose report of {@code study} with {@code events}; accumulated DAP is their sum. */
    public static DicomObject report(String patientId, String study, String sop, List<Ev> events) {
        StringBuilder json = new StringBuilder();
        json.append("{\"template\":\"10001\",\"study\":{\"studyInstanceUid\":\"").append(study)
                .append("\",\"studyDate\":\"20240315\",\"studyTime\":\"101000\"},")
                .append("\"patient\":{\"id\":\"").append(patientId).append("\",\"name\":\"Dose^Pat\"},")
                .append("\"device\":{\"observerUid\":\"").append(DEVICE_UID).append("\",\"name\":\"XA01\",")
                .append("\"manufacturer\":\"").append(MANUFACTURER).append("\",\"modelName\":\"KT-X\",")
                .append("\"serialNumber\":\"").append(SERIAL).append("\",\"softwareVersions\":\"1\"},")
                .append("\"sourceOfDoseInformation\":[{\"value\":\"113856\",\"scheme\":\"DCM\"}],\"events\":[");
        List<String> items = new ArrayList<>();
        for (Ev e : events) {
            items.add("{\"irradiationEventUid\":\"" + e.uid() + "\",\"dateTimeStarted\":\"" + e.start()
                    + "\",\"irradiationEventType\":{\"value\":\"" + e.type() + "\",\"scheme\":\""
                    + (e.type().equals(FLUOROSCOPY) ? "SCT" : "DCM") + "\"},"
                    + "\"targetRegion\":{\"value\":\"818981001\",\"scheme\":\"SCT\"},"
                    + "\"doseAreaProduct\":{\"value\":" + e.dapGym2() + ",\"unit\":\"Gy.m2\"},"
                    + "\"kvp\":{\"value\":80,\"unit\":\"kV\"}}");
        }
        json.append(String.join(",", items)).append("]}");
        try {
            DoseReport report = JsonDoseDescription.fromTree(new ObjectMapper().readTree(json.toString()),
                    new UidGenerator(TestObjects.ROOT + "78"));
            DicomObject ds = RdsrBuilder.with(VendorProfile.named("standard")).uidRoot(TestObjects.ROOT + "79")
                    .build(report);
            ds.setString(Tag.SOPInstanceUID, sop);
            ds.setString(Tag.SeriesInstanceUID, study + ".2");
            return ds;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static final String STATIONARY = "113611";
    public static final String FLUOROSCOPY = "44491008";

    /**
     * Study {@code s}: events 1, 2 (acquisitions named by images 1, 2), 3 (acquisition, image 3 acquired 0.4 s
     * after its start, no event UID), 4 (fluoroscopy, no image); image 5 names an event no report has.
     */
    public static List<DicomObject> xaStudy(String s) {
        List<DicomObject> objects = new ArrayList<>();
        objects.add(xaImage("P1", s, s + ".1.1", event(s, 1), "20240315101001"));
        objects.add(xaImage("P1", s, s + ".1.2", event(s, 2), "20240315101101"));
        objects.add(xaImage("P1", s, s + ".1.3", null, "20240315101201.400"));
        objects.add(xaImage("P1", s, s + ".1.5", event(s, 99), "20240315101201.500"));
        objects.add(report("P1", s, s + ".2.1", List.of(
                new Ev(event(s, 1), "2024-03-15T10:10:01", STATIONARY, 0.0001),
                new Ev(event(s, 2), "2024-03-15T10:11:01", STATIONARY, 0.0002),
                new Ev(event(s, 3), "2024-03-15T10:12:01", STATIONARY, 0.0003),
                new Ev(event(s, 4), "2024-03-15T10:13:01", FLUOROSCOPY, 0.0004))));
        return objects;
    }

}
