package org.kerma.protocol;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.kerma.dicom.Code;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Sequence;
import org.kerma.dicom.Tag;
import org.kerma.dicom.Uid;
import org.kerma.dicom.VR;

/**
 * Test fixtures: procedure protocol objects and images that reference them, built with Kerma's own
 * {@link DicomObject} setters (and written with {@code DicomWriter} by the tests), because no public sample of these
 * objects exists.
 *
 * <p>They follow the examples of the standard: the XA examples of PS3.17 (the informative annex on XA protocol
 * storage examples added with Supplement 212, "XA Defined Procedure Protocol": the Adult Carotid Stenting protocol
 * of an Angiotech Angiomatic v.XA01, and the example of one protocol split over an acquisition device and a 3D
 * reconstruction device) and a routine adult head protocol for the CT IODs (PS3.3 sections A.82.1 and A.82.2; the
 * CT examples of the PS3.17 annex on CT protocol storage). The copy of the standard available offline has no text of
 * those annexes, so element names, constraint kinds and the structure follow the examples as the issue summarises
 * them, while the numbers (field of view, scan arc, filter thickness, kVp ...) are Kerma's choices. Where the XA
 * element layout is concerned (XA Plane Details Sequence (0018,11BA), X-Ray Filter Details Sequence (0018,11BC),
 * Primary Positioner Scan Arc (0018,9508) and Increment (0018,9514) as the rotation step), the attributes are those
 * of the data dictionary; the module tables of the XA protocol IODs were not available to check against.
 *
 * <p>UIDs are derived from names ({@code 2.25.} + a name-based UUID), so every build is identical.
 */
public final class ProtocolFixtures {

    /** The CT dosimetry phantom code of head protocols (CID 4052). */
    public static final Code IEC_HEAD_PHANTOM = new Code("113690", "DCM", "IEC Head Dosimetry Phantom");
    /** The body phantom, used by the performed protocol that breaks the head protocol's phantom constraint. */
    public static final Code IEC_BODY_PHANTOM = new Code("113691", "DCM", "IEC Body Dosimetry Phantom");
    /** Carotid artery structure (SNOMED CT), the anatomic region of the carotid protocol. */
    public static final Code CAROTID_ARTERY = new Code("69105007", "SCT", "Carotid Artery");
    /** Head (SNOMED CT). */
    public static final Code HEAD = new Code("69536005", "SCT", "Head");
    private static final Code MM = new Code("mm", "UCUM", "mm");
    private static final Code DEGREE = new Code("deg", "UCUM", "degree");
    private static final Code KV = new Code("kV", "UCUM", "kV");

    public static final String CAROTID_UID = uid("carotid stenting defined");
    /** UID_01 of the two-device example: the acquisition device's protocol. */
    public static final String UID_01 = uid("two-device acquisition UID_01");
    /** UID_02 of the two-device example: the 3D workstation's reconstruction protocol. */
    public static final String UID_02 = uid("two-device reconstruction UID_02");
    public static final String CT_HEAD_UID = uid("ct routine adult head defined");
    public static final String CAROTID_PERFORMED_UID = uid("carotid performed, two violations");
    public static final String CT_HEAD_PERFORMED_UID = uid("ct head performed, compliant");
    public static final String STUDY_UID = uid("study");

    private ProtocolFixtures() {
    }

    /** A UID under 2.25 from a name-based UUID (PS3.5 Annex B.2). */
    public static String uid(String name) {
        UUID u = UUID.nameUUIDFromBytes(("kerma-protocol-fixture:" + name).getBytes(StandardCharsets.UTF_8));
        BigInteger b = new BigInteger(1, toBytes(u));
        return "2.25." + b;
    }

    private static byte[] toBytes(UUID u) {
        byte[] b = new byte[16];
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (u.getMostSignificantBits() >>> (56 - 8 * i));
            b[8 + i] = (byte) (u.getLeastSignificantBits() >>> (56 - 8 * i));
        }
        return b;
    }

    // ---- defined protocols -------------------------------------------------------------------------------------

    /**
     * XA Defined Procedure Protocol "CAROTIDS" (Adult Carotid Stenting) for the Angiotech Angiomatic v.XA01:
     * patients older than 18 years; acquisition elements 1 FLUOROSCOPY NOSUB, 2 DSA and 3 ROTATIONAL SUB with
     * EQUAL and RANGE_INCL constraints on field of view, scan arc, rotation step and filter thickness;
     * reconstruction element 1 "3D SUB RECONSTRUCTION" from acquisition element 3.
     */
    public static DicomObject carotidStentingDefined() {
        DicomObject ds = definedHeader(Uid.XADefinedProcedureProtocolStorage, CAROTID_UID, "CAROTIDS");
        ds.setString(Tag.ProtocolDesignRationale, "Adult Carotid Stenting");
        new Code("CAROTIDS", "99ANGIOTECH", "Adult Carotid Stenting")
                .writeTo(ds.newSequence(Tag.PotentialRequestedProcedureCodeSequence).addItem());
        patientOlderThan18(ds, "GREATER_THAN");
        model(ds, "XA", "Angiotech", "Angiomatic", "XA01");
        positioning(ds, "HFS", CAROTID_ARTERY);
        Sequence acq = ds.newSequence(Tag.AcquisitionProtocolElementSpecificationSequence);
        xaElement(acq, 1, "FLUOROSCOPY NOSUB", "Guide wire and catheter placement", "220", "0.1", "0.9");
        xaElement(acq, 2, "DSA", "Carotid bifurcation runs", "220", "0.0", "0.3");
        DicomObject rot = xaElement(acq, 3, "ROTATIONAL SUB", "3D rotational subtracted run", "300", "0.1", "0.3");
        Sequence params = rot.findSequence(Tag.ParametersSpecificationSequence).orElseThrow();
        ConstraintSpec.on(Tag.PrimaryPositionerScanArc).in(Tag.XAPlaneDetailsSequence, 1).type("RANGE_INCL")
                .value("180").value("200").units(DEGREE).modifiable(false).addTo(params);
        ConstraintSpec.on(Tag.PrimaryPositionerIncrement).in(Tag.XAPlaneDetailsSequence, 1).type("EQUAL")
                .value("0.5").units(DEGREE).addTo(params);
        Sequence rec = ds.newSequence(Tag.ReconstructionProtocolElementSpecificationSequence);
        DicomObject r = element(rec, 1, "3D SUB RECONSTRUCTION", "Subtracted 3D volume of the carotid arteries");
        r.setLong(Tag.SourceAcquisitionProtocolElementNumber, 3);
        ConstraintSpec.on(Tag.ConvolutionKernel).type("MEMBER_OF").value("HU").value("SOFT")
                .addTo(r.newSequence(Tag.ParametersSpecificationSequence));
        return ds;
    }

    /**
     * The acquisition device's part of the two-device example (UID_01): the carotid acquisition elements and a
     * storage element "SEND TO 3D WS" that sends the output of acquisition element 3 to AE AET_3D_WS.
     */
    public static DicomObject twoDeviceAcquisition() {
        DicomObject ds = carotidStentingDefined();
        ds.setString(Tag.SOPInstanceUID, UID_01);
        ds.remove(Tag.ReconstructionProtocolElementSpecificationSequence);
        Sequence sto = ds.newSequence(Tag.StorageProtocolElementSpecificationSequence);
        DicomObject s = element(sto, 1, "SEND TO 3D WS", "Rotational run to the 3D workstation");
        s.setLong(Tag.SourceAcquisitionProtocolElementNumber, 3);
        ConstraintSpec.on(Tag.DestinationAE).in(Tag.OutputInformationSequence, 0).in(Tag.DICOMStorageSequence, 0)
                .type("EQUAL").value("AET_3D_WS").modifiable(false)
                .addTo(s.newSequence(Tag.ParametersSpecificationSequence));
        return ds;
    }

    /**
     * The reconstruction device's part (UID_02): reconstruction element 1 "3D SUB RECONSTRUCTION" taking its input
     * from acquisition element 3 of UID_01.
     */
    public static DicomObject twoDeviceReconstruction() {
        DicomObject ds = definedHeader(Uid.XADefinedProcedureProtocolStorage, UID_02, "CAROTIDS 3D");
        model(ds, "XA", "Angiotech", "Angiomatic 3D Workstation", "WS02");
        Sequence rec = ds.newSequence(Tag.ReconstructionProtocolElementSpecificationSequence);
        DicomObject r = element(rec, 1, "3D SUB RECONSTRUCTION", "Subtracted 3D volume from the rotational run");
        r.setString(Tag.ReferencedSOPClassUID, Uid.XADefinedProcedureProtocolStorage);
        r.setString(Tag.ReferencedSOPInstanceUID, UID_01);
        r.setLong(Tag.SourceAcquisitionProtocolElementNumber, 3);
        ConstraintSpec.on(Tag.ConvolutionKernel).type("EQUAL").value("HU")
                .addTo(r.newSequence(Tag.ParametersSpecificationSequence));
        return ds;
    }

    /**
     * CT Defined Procedure Protocol "ROUTINE ADULT HEAD": adults (18 years or older); acquisition element 1 "HEAD
     * HELICAL" (kVp 120, spiral pitch factor 0.5 to 1.0, CTDIvol at most 60 mGy on the head phantom, helical or
     * sequenced), reconstruction element 1 "HEAD 5 MM" (reconstruction diameter 200 to 250 mm, kernel H30s or
     * H40s).
     */
    public static DicomObject ctRoutineAdultHeadDefined() {
        DicomObject ds = definedHeader(Uid.CTDefinedProcedureProtocolStorage, CT_HEAD_UID, "ROUTINE ADULT HEAD");
        patientOlderThan18(ds, "GREATER_OR_EQUAL");
        model(ds, "CT", "Kerma Test Scanners", "Helix 64", "VB20");
        positioning(ds, "HFS", HEAD);
        Sequence acq = ds.newSequence(Tag.AcquisitionProtocolElementSpecificationSequence);
        DicomObject a = element(acq, 1, "HEAD HELICAL", "Helical acquisition of the brain");
        Sequence p = a.newSequence(Tag.ParametersSpecificationSequence);
        ConstraintSpec.on(Tag.KVP).in(Tag.CTXRayDetailsSequence, 0).type("EQUAL").value("120").units(KV)
                .addTo(p);
        ConstraintSpec.on(Tag.SpiralPitchFactor).type("RANGE_INCL").value("0.5").value("1.0").addTo(p);
        ConstraintSpec.on(Tag.CTDIvol).type("LESS_OR_EQUAL").value("60").addTo(p);
        ConstraintSpec.on(Tag.CTDIPhantomTypeCodeSequence).type("EQUAL").code(IEC_HEAD_PHANTOM).addTo(p);
        ConstraintSpec.on(Tag.AcquisitionType).type("MEMBER_OF").value("SPIRAL").value("SEQUENCED").addTo(p);
        Sequence rec = ds.newSequence(Tag.ReconstructionProtocolElementSpecificationSequence);
        DicomObject r = element(rec, 1, "HEAD 5 MM", "Soft tissue axial images");
        r.setLong(Tag.SourceAcquisitionProtocolElementNumber, 1);
        Sequence rp = r.newSequence(Tag.ParametersSpecificationSequence);
        ConstraintSpec.on(Tag.ReconstructionDiameter).type("RANGE_INCL").value("200").value("250").units(MM)
                .addTo(rp);
        ConstraintSpec.on(Tag.ConvolutionKernel).type("MEMBER_OF").value("H30s").value("H40s").addTo(rp);
        return ds;
    }

    private static DicomObject definedHeader(String sopClass, String uid, String name) {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SpecificCharacterSet, "ISO_IR 192");
        ds.setString(Tag.SOPClassUID, sopClass);
        ds.setString(Tag.SOPInstanceUID, uid);
        ds.setString(Tag.InstanceCreationDate, "20260301");
        ds.setString(Tag.InstanceCreationTime, "120000");
        ds.setString(Tag.Manufacturer, "Kerma");
        ds.setString(Tag.ManufacturerModelName, "kerma-protocol fixtures");
        ds.setString(Tag.DeviceSerialNumber, "0001");
        ds.setString(Tag.SoftwareVersions, "0.1.0");
        ds.setString(Tag.ProtocolName, name);
        ds.newSequence(Tag.ResponsibleGroupCodeSequence);
        return ds;
    }

    private static void patientOlderThan18(DicomObject ds, String type) {
        ConstraintSpec.on(Tag.PatientAge).type(type).value("018Y")
                .addTo(ds.newSequence(Tag.PatientSpecificationSequence));
    }

    private static void model(DicomObject ds, String modality, String manufacturer, String model, String software) {
        ds.setString(Tag.EquipmentModality, modality);
        DicomObject m = ds.newSequence(Tag.ModelSpecificationSequence).addItem();
        m.setString(Tag.Manufacturer, manufacturer);
        m.setString(Tag.ManufacturerModelName, model);
        m.setString(Tag.SoftwareVersions, software);
    }

    private static void positioning(DicomObject ds, String position, Code region) {
        ds.setString(Tag.ProtocolDefinedPatientPosition, position);
        region.writeTo(ds.newSequence(Tag.AnatomicRegionSequence).addItem());
        ds.newSequence(Tag.PrimaryAnatomicStructureSequence);
    }

    private static DicomObject element(Sequence seq, int number, String name, String purpose) {
        DicomObject e = seq.addItem();
        e.setLong(Tag.ProtocolElementNumber, number);
        e.setString(Tag.ProtocolElementName, name);
        e.setString(Tag.ProtocolElementPurpose, purpose);
        return e;
    }

    /** An XA acquisition element: field of view EQUAL (first dimension, plane 1), filter thickness RANGE_INCL. */
    private static DicomObject xaElement(Sequence seq, int number, String name, String purpose, String fov,
                                         String filterMin, String filterMax) {
        DicomObject e = element(seq, number, name, purpose);
        Sequence p = e.newSequence(Tag.ParametersSpecificationSequence);
        ConstraintSpec.on(Tag.FieldOfViewDimensionsInFloat).in(Tag.XAPlaneDetailsSequence, 1).valueNumber(1)
                .type("EQUAL").value(fov).units(MM).addTo(p);
        ConstraintSpec.on(Tag.FilterThicknessMinimum).in(Tag.XAPlaneDetailsSequence, 1)
                .in(Tag.XRayFilterDetailsSequence, 0).type("RANGE_INCL").value(filterMin).value(filterMax)
                .units(MM).addTo(p);
        return e;
    }

    // ---- performed protocols -----------------------------------------------------------------------------------

    /**
     * XA Performed Procedure Protocol of the carotid protocol for a 67-year-old, that violates two constraints of
     * ROTATIONAL SUB: scan arc 210° (allowed 180 to 200) and filter thickness 0.5 mm (allowed 0.1 to 0.3). The other
     * elements comply.
     */
    public static DicomObject carotidPerformedWithTwoViolations() {
        DicomObject ds = performedHeader(Uid.XAPerformedProcedureProtocolStorage, CAROTID_PERFORMED_UID, "CAROTIDS",
                "XAPROTOCOL", Uid.XADefinedProcedureProtocolStorage, CAROTID_UID);
        ds.setString(Tag.PatientAge, "067Y");
        Sequence acq = ds.newSequence(Tag.AcquisitionProtocolElementSequence);
        xaPerformed(acq, 1, "FLUOROSCOPY NOSUB", 220, 0.2, Double.NaN, Double.NaN);
        xaPerformed(acq, 2, "DSA", 220, 0.1, Double.NaN, Double.NaN);
        xaPerformed(acq, 3, "ROTATIONAL SUB", 300, 0.5, 210, 0.5);
        Sequence rec = ds.newSequence(Tag.ReconstructionProtocolElementSequence);
        DicomObject r = element(rec, 1, "3D SUB RECONSTRUCTION", "Subtracted 3D volume of the carotid arteries");
        r.setLong(Tag.SourceAcquisitionProtocolElementNumber, 3);
        r.setString(Tag.ConvolutionKernel, "HU");
        return ds;
    }

    /** CT Performed Procedure Protocol of the routine adult head protocol, complying with every constraint. */
    public static DicomObject ctHeadPerformedCompliant() {
        DicomObject ds = performedHeader(Uid.CTPerformedProcedureProtocolStorage, CT_HEAD_PERFORMED_UID,
                "ROUTINE ADULT HEAD", "CTPROTOCOL", Uid.CTDefinedProcedureProtocolStorage, CT_HEAD_UID);
        ds.setString(Tag.PatientAge, "018Y");
        DicomObject a = element(ds.newSequence(Tag.AcquisitionProtocolElementSequence), 1, "HEAD HELICAL",
                "Helical acquisition of the brain");
        a.setString(Tag.AcquisitionType, "SPIRAL");
        a.setDouble(Tag.SpiralPitchFactor, 0.55);
        a.setDouble(Tag.CTDIvol, 52.3);
        IEC_HEAD_PHANTOM.writeTo(a.newSequence(Tag.CTDIPhantomTypeCodeSequence).addItem());
        Sequence beams = a.newSequence(Tag.CTXRayDetailsSequence);
        beams.addItem().setString(Tag.KVP, "120");
        DicomObject r = element(ds.newSequence(Tag.ReconstructionProtocolElementSequence), 1, "HEAD 5 MM",
                "Soft tissue axial images");
        r.setLong(Tag.SourceAcquisitionProtocolElementNumber, 1);
        r.setString(Tag.ReconstructionDiameter, "230");
        r.setString(Tag.ConvolutionKernel, "H40s");
        return ds;
    }

    private static DicomObject performedHeader(String sopClass, String uid, String name, String modality,
                                               String definedClass, String definedUid) {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SpecificCharacterSet, "ISO_IR 192");
        ds.setString(Tag.SOPClassUID, sopClass);
        ds.setString(Tag.SOPInstanceUID, uid);
        ds.setString(Tag.InstanceCreationDate, "20260302");
        ds.setString(Tag.StudyDate, "20260302");
        ds.setString(Tag.StudyTime, "093000");
        ds.setString(Tag.ContentDate, "20260302");
        ds.setString(Tag.ContentTime, "093000");
        ds.setString(Tag.AccessionNumber, "A-1001");
        ds.setString(Tag.Modality, modality);
        ds.setString(Tag.Manufacturer, "Angiotech");
        ds.setString(Tag.ReferringPhysicianName, "");
        ds.setString(Tag.ProtocolName, name);
        ds.newSequence(Tag.ResponsibleGroupCodeSequence);
        ds.setString(Tag.ManufacturerModelName, "Angiomatic");
        ds.setString(Tag.PatientName, "Test^Carotid");
        ds.setString(Tag.PatientID, "KERMA-P-1");
        ds.setString(Tag.PatientBirthDate, "19590101");
        ds.setString(Tag.PatientSex, "F");
        ds.setString(Tag.DeviceSerialNumber, "XA-0001");
        ds.setString(Tag.SoftwareVersions, "XA01");
        ds.setString(Tag.StudyInstanceUID, STUDY_UID);
        ds.setString(Tag.SeriesInstanceUID, uid(uid + " series"));
        ds.setString(Tag.StudyID, "1");
        ds.setString(Tag.SeriesNumber, "900");
        ds.setString(Tag.Laterality, ""); // General Series, type 2C: unknown (no Image Laterality is sent)
        ds.setString(Tag.FrameOfReferenceUID, uid(uid + " frame of reference"));
        ds.setString(Tag.PositionReferenceIndicator, "");
        reference(ds, Tag.ReferencedDefinedProtocolSequence, definedClass, definedUid);
        return ds;
    }

    private static void xaPerformed(Sequence seq, int number, String name, double fov, double filter,
                                    double scanArc, double step) {
        DicomObject e = element(seq, number, name, "");
        e.remove(Tag.ProtocolElementPurpose);
        DicomObject plane = e.newSequence(Tag.XAPlaneDetailsSequence).addItem();
        plane.setString(Tag.PlaneIdentification, "PLANE A");
        plane.setString(Tag.AcquisitionFieldOfViewLabel, "FOV " + (int) fov);
        plane.setDouble(Tag.FieldOfViewDimensionsInFloat, fov, fov);
        if (!Double.isNaN(scanArc)) {
            plane.setDouble(Tag.PrimaryPositionerScanArc, scanArc);
            plane.setDouble(Tag.PrimaryPositionerIncrement, step);
        }
        DicomObject f = plane.newSequence(Tag.XRayFilterDetailsSequence).addItem();
        f.setString(Tag.FilterMaterial, "COPPER");
        f.setDouble(Tag.FilterThicknessMinimum, filter);
        f.setDouble(Tag.FilterThicknessMaximum, filter);
    }

    // ---- approvals ---------------------------------------------------------------------------------------------

    /** A Protocol Approval: the carotid protocol approved for use at the institution by a physicist. */
    public static DicomObject carotidApproval() {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SOPClassUID, Uid.ProtocolApprovalStorage);
        ds.setString(Tag.SOPInstanceUID, uid("carotid approval"));
        ds.setString(Tag.Manufacturer, "Kerma");
        ds.setString(Tag.ManufacturerModelName, "kerma-protocol fixtures");
        ds.setString(Tag.DeviceSerialNumber, "0001");
        ds.setString(Tag.SoftwareVersions, "0.1.0");
        reference(ds, Tag.ApprovalSubjectSequence, Uid.XADefinedProcedureProtocolStorage, CAROTID_UID);
        DicomObject a = ds.newSequence(Tag.ApprovalSequence).addItem();
        new Code("128603", "DCM", "Approved for use at the institution")
                .writeTo(a.newSequence(Tag.AssertionCodeSequence).addItem());
        a.setString(Tag.AssertionUID, uid("carotid approval assertion"));
        DicomObject who = a.newSequence(Tag.AsserterIdentificationSequence).addItem();
        who.setString(Tag.ObserverType, "PSN");
        who.setString(Tag.PersonName, "Curie^Marie");
        who.newSequence(Tag.PersonIdentificationCodeSequence);
        who.setString(Tag.InstitutionName, "Kerma General Hospital");
        who.newSequence(Tag.InstitutionCodeSequence);
        a.setString(Tag.AssertionDateTime, "20260301120000");
        new Code("KGH", "99KERMA", "Kerma General Hospital")
                .writeTo(a.newSequence(Tag.InstitutionCodeSequence).addItem());
        return ds;
    }

    // ---- images ------------------------------------------------------------------------------------------------

    /**
     * XA images of the carotid procedure without a performed protocol: each references one acquisition element of
     * CAROTIDS and carries its acquisition values at the top level. Image 3 (ROTATIONAL SUB) has a scan arc of 190°
     * (within 180 to 200) but a field of view of 220 mm where 300 is required.
     */
    public static List<DicomObject> carotidImages() {
        List<DicomObject> images = new ArrayList<>();
        String series = uid("carotid image series");
        images.add(xaImage(series, 1, CAROTID_UID, 1, 220, 0.2, Double.NaN));
        images.add(xaImage(series, 2, CAROTID_UID, 2, 220, 0.1, Double.NaN));
        images.add(xaImage(series, 3, CAROTID_UID, 3, 220, 0.2, 190));
        return images;
    }

    /**
     * One XA series mixing images of several defined protocols: two reference CAROTIDS element 2 (DSA), one
     * references UID_01 (the two-device acquisition protocol) element 1, and one references an element number
     * CAROTIDS does not have (9).
     */
    public static List<DicomObject> mixedSeries() {
        String series = uid("mixed series");
        List<DicomObject> images = new ArrayList<>();
        images.add(xaImage(series, 1, CAROTID_UID, 2, 220, 0.1, Double.NaN));
        images.add(xaImage(series, 2, UID_01, 1, 220, 0.2, Double.NaN));
        images.add(xaImage(series, 3, CAROTID_UID, 2, 220, 0.4, Double.NaN));
        images.add(xaImage(series, 4, CAROTID_UID, 9, 220, 0.1, Double.NaN));
        return images;
    }

    /**
     * CT images of the head protocol: the references to the defined and performed protocols are in the General
     * Series Module (series level).
     */
    public static List<DicomObject> ctHeadImages() {
        List<DicomObject> images = new ArrayList<>();
        String series = uid("ct head image series");
        for (int i = 1; i <= 2; i++) {
            DicomObject ds = imageHeader(Uid.CTImageStorage, "CT", series, i);
            ds.setString(Tag.ImageType, "ORIGINAL", "PRIMARY", "AXIAL");
            ds.setString(Tag.PatientPosition, "HFS");
            ds.setString(Tag.AcquisitionNumber, "1");
            ds.setString(Tag.FrameOfReferenceUID, uid(series + " frame of reference"));
            ds.setString(Tag.PositionReferenceIndicator, "");
            ds.setString(Tag.SliceThickness, "5");
            ds.setString(Tag.PixelSpacing, "0.5", "0.5");
            ds.setString(Tag.ImageOrientationPatient, "1", "0", "0", "0", "1", "0");
            ds.setString(Tag.ImagePositionPatient, "0", "0", Integer.toString(5 * i));
            ds.setString(Tag.RescaleIntercept, "-1024");
            ds.setString(Tag.RescaleSlope, "1");
            ds.setString(Tag.KVP, "120");
            ds.setString(Tag.ReconstructionDiameter, "230");
            ds.setString(Tag.ConvolutionKernel, "H40s");
            ds.setDouble(Tag.CTDIvol, 52.3);
            DicomObject def = reference(ds, Tag.ReferencedDefinedProtocolSequence,
                    Uid.CTDefinedProcedureProtocolStorage, CT_HEAD_UID);
            def.setLong(Tag.SourceReconstructionProtocolElementNumber, 1);
            reference(ds, Tag.ReferencedPerformedProtocolSequence, Uid.CTPerformedProcedureProtocolStorage,
                    CT_HEAD_PERFORMED_UID);
            ds.setString(Tag.IrradiationEventUID, uid("ct head irradiation event"));
            images.add(ds);
        }
        return images;
    }

    private static DicomObject xaImage(String series, int number, String definedUid, int element, double fov,
                                       double filter, double scanArc) {
        DicomObject ds = imageHeader(Uid.XRayAngiographicImageStorage, "XA", series, number);
        ds.setString(Tag.ImageType, "ORIGINAL", "PRIMARY", "SINGLE PLANE");
        ds.setString(Tag.PixelIntensityRelationship, "LIN");
        ds.setString(Tag.KVP, "80");
        ds.setString(Tag.RadiationSetting, "GR");
        ds.setString(Tag.ExposureTime, "100");
        ds.setString(Tag.XRayTubeCurrent, "400");
        ds.setString(Tag.Exposure, "40");
        ds.setString(Tag.ImageAndFluoroscopyAreaDoseProduct, "2.5"); // dGy·cm², 2.5e-5 Gy·m²
        ds.setString(Tag.PositionerPrimaryAngle, "0");
        ds.setString(Tag.PositionerSecondaryAngle, "0");
        ds.setDouble(Tag.FieldOfViewDimensionsInFloat, fov, fov);
        ds.setDouble(Tag.FilterThicknessMinimum, filter);
        ds.setString(Tag.FilterMaterial, "COPPER");
        if (!Double.isNaN(scanArc)) {
            ds.setDouble(Tag.PrimaryPositionerScanArc, scanArc);
            ds.setDouble(Tag.PrimaryPositionerIncrement, 0.5);
        }
        DicomObject ref = reference(ds, Tag.ReferencedDefinedProtocolSequence, Uid.XADefinedProcedureProtocolStorage,
                definedUid);
        ref.setLong(Tag.SourceAcquisitionProtocolElementNumber, element);
        ds.setString(Tag.IrradiationEventUID, uid(series + " event " + number));
        return ds;
    }

    /**
     * The modules every image IOD has (Patient, General Study, General Series, General Equipment, General Image,
     * Image Pixel with a 2 x 2 frame), so that the images pass {@code kerma validate}; the IOD's own modules are
     * added by the caller.
     */
    private static DicomObject imageHeader(String sopClass, String modality, String series, int number) {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SOPClassUID, sopClass);
        ds.setString(Tag.SOPInstanceUID, uid(series + " image " + number));
        ds.setString(Tag.StudyDate, "20260302");
        ds.setString(Tag.StudyTime, "093000");
        ds.setString(Tag.AccessionNumber, "A-1001");
        ds.setString(Tag.Modality, modality);
        ds.setString(Tag.Manufacturer, modality.equals("CT") ? "Kerma Test Scanners" : "Angiotech");
        ds.setString(Tag.ReferringPhysicianName, "");
        ds.setString(Tag.PatientName, "Test^Carotid");
        ds.setString(Tag.PatientID, "KERMA-P-1");
        ds.setString(Tag.PatientBirthDate, "19590101");
        ds.setString(Tag.PatientSex, "F");
        ds.setString(Tag.PatientAge, "067Y");
        ds.setString(Tag.StudyInstanceUID, STUDY_UID);
        ds.setString(Tag.SeriesInstanceUID, series);
        ds.setString(Tag.StudyID, "1");
        ds.setString(Tag.SeriesNumber, "1");
        ds.setString(Tag.Laterality, "");
        ds.setString(Tag.InstanceNumber, Integer.toString(number));
        ds.setString(Tag.PatientOrientation, "");
        ds.setLong(Tag.SamplesPerPixel, 1);
        ds.setString(Tag.PhotometricInterpretation, "MONOCHROME2");
        ds.setLong(Tag.Rows, 2);
        ds.setLong(Tag.Columns, 2);
        ds.setLong(Tag.BitsAllocated, 16);
        ds.setLong(Tag.BitsStored, 12);
        ds.setLong(Tag.HighBit, 11);
        ds.setLong(Tag.PixelRepresentation, 0);
        ds.put(Tag.PixelData, VR.OW, new byte[8]);
        return ds;
    }

    private static DicomObject reference(DicomObject ds, int sequence, String sopClass, String sopInstance) {
        Sequence seq = ds.findSequence(sequence).orElseGet(() -> ds.newSequence(sequence));
        DicomObject item = seq.addItem();
        item.setString(Tag.ReferencedSOPClassUID, sopClass);
        item.setString(Tag.ReferencedSOPInstanceUID, sopInstance);
        return item;
    }

    /** Every fixture object with a file name, for round trips and the CLI. */
    public static List<Named> all() {
        List<Named> all = new ArrayList<>();
        all.add(new Named("XA-DEFINED-Carotids.dcm", carotidStentingDefined()));
        all.add(new Named("XA-DEFINED-TwoDevice-UID_01.dcm", twoDeviceAcquisition()));
        all.add(new Named("XA-DEFINED-TwoDevice-UID_02.dcm", twoDeviceReconstruction()));
        all.add(new Named("CT-DEFINED-RoutineAdultHead.dcm", ctRoutineAdultHeadDefined()));
        all.add(new Named("XA-PERFORMED-Carotids-TwoViolations.dcm", carotidPerformedWithTwoViolations()));
        all.add(new Named("CT-PERFORMED-RoutineAdultHead.dcm", ctHeadPerformedCompliant()));
        all.add(new Named("PROTOCOL-APPROVAL-Carotids.dcm", carotidApproval()));
        int i = 0;
        for (DicomObject image : carotidImages()) {
            all.add(new Named("XA-IMAGE-Carotids-" + (++i) + ".dcm", image));
        }
        i = 0;
        for (DicomObject image : mixedSeries()) {
            all.add(new Named("XA-IMAGE-MixedSeries-" + (++i) + ".dcm", image));
        }
        i = 0;
        for (DicomObject image : ctHeadImages()) {
            all.add(new Named("CT-IMAGE-RoutineAdultHead-" + (++i) + ".dcm", image));
        }
        return all;
    }

    /**
     * A fixture object and the file name it is written under.
     *
     * @param fileName  e.g. XA-DEFINED-Carotids.dcm (modality, kind, protocol)
     * @param dataset   the object
     */
    public record Named(String fileName, DicomObject dataset) {
    }
}
