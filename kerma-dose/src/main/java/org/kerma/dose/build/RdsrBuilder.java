package org.kerma.dose.build;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.kerma.dicom.Code;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.InvalidValueException;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.Uid;
import org.kerma.dicom.io.DicomWriter;
import org.kerma.dicom.io.WriteOptions;
import org.kerma.dicom.sr.Concepts.DCM;
import org.kerma.dicom.sr.Concepts.SCT;
import org.kerma.dose.AccumulatedDose;
import org.kerma.dose.CtIrradiationEvent;
import org.kerma.dose.DoseReport;
import org.kerma.dose.IrradiationEvent;
import org.kerma.dose.ReportHeader;

/**
 * The front door of dose report writing: a {@link DoseReport} (the same record {@code RdsrReader} returns) in, an
 * X-Ray Radiation Dose SR (PS3.3 A.35.8) out, with root TID 10011 CT Radiation Dose or TID 10001 Projection X-Ray
 * Radiation Dose laid out as a {@link VendorProfile} says.
 *
 * <pre>{@code
 * DicomObject sr = RdsrBuilder.with(VendorProfile.named("siemens")).build(report);
 * }</pre>
 *
 * <p>Strict: a mandatory or required-by-condition item the report lacks, a quantity in the wrong kind of unit, a NUM
 * without a finite value, a negative dose or an invalid UID is an {@link RdsrBuildException} naming the content item
 * path and concept; nothing is written. Fresh SOP Instance and Series Instance UIDs (and a Study Instance UID when
 * the header has none) are made under the builder's UID root. Document-level attributes: Patient, General Study,
 * SR Document Series, General Equipment, Enhanced General Equipment, SR Document General (Completion Flag COMPLETE,
 * Verification Flag UNVERIFIED), SR Document Content (Value Type CONTAINER, Continuity SEPARATE, Concept Name
 * (113701, DCM), Content Template Sequence DCMR), SOP Common.
 */
public final class RdsrBuilder {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmss");

    private final VendorProfile profile;
    private final UidGenerator uids;
    private final LocalDateTime contentDateTime;

    private RdsrBuilder(VendorProfile profile, UidGenerator uids, LocalDateTime contentDateTime) {
        this.profile = profile;
        this.uids = uids;
        this.contentDateTime = contentDateTime;
    }

    /** A builder for {@code profile}, UIDs under 2.25, content date and time now. */
    public static RdsrBuilder with(VendorProfile profile) {
        return new RdsrBuilder(profile, new UidGenerator("2.25"), LocalDateTime.now().withNano(0));
    }

    /** The same builder making UIDs under {@code root} (e.g. the site's registered root). */
    public RdsrBuilder uidRoot(String root) {
        return new RdsrBuilder(profile, new UidGenerator(root), contentDateTime);
    }

    /** The same builder stamping Content Date/Time with {@code dateTime}. */
    public RdsrBuilder contentDateTime(LocalDateTime dateTime) {
        return new RdsrBuilder(profile, uids, dateTime.withNano(0));
    }

    public UidGenerator uids() {
        return uids;
    }

    /**
     * Builds the data set of {@code report} (kind CT or PROJECTION_XRAY).
     *
     * @throws RdsrBuildException when the document would not conform (see the class description)
     */
    public DicomObject build(DoseReport report) {
        String tid = switch (report.kind()) {
            case CT -> "10011";
            case PROJECTION_XRAY -> "10001";
            case RADIOPHARMACEUTICAL -> throw new RdsrBuildException("report",
                    "radiopharmaceutical reports (TID 10021) are not built; only TID 10011 and 10001");
        };
        try {
            return build(report, tid);
        } catch (InvalidValueException e) {
            throw new RdsrBuildException("data set", e.getMessage());
        }
    }

    private DicomObject build(DoseReport report, String tid) {
        DicomObject doc = new DicomObject();
        if (!isAscii(report)) {
            doc.setString(Tag.SpecificCharacterSet, "ISO_IR 192");
        }
        String studyUid = header(doc, report.header());
        doc.setString(Tag.ValueType, "CONTAINER");
        DCM.XRayRadiationDoseReport.writeTo(doc.newSequence(Tag.ConceptNameCodeSequence).addItem());
        DicomObject template = doc.newSequence(Tag.ContentTemplateSequence).addItem();
        template.setString(Tag.MappingResource, "DCMR");
        template.setString(Tag.TemplateIdentifier, tid);
        doc.setString(Tag.ContinuityOfContent, "SEPARATE");
        ContentWriter root = ContentWriter.root(doc);
        String scopeUid = report.scopeUid().orElse(studyUid);
        for (RootItem item : profile.order(tid)) {
            writeRootItem(root, item, report, tid, scopeUid);
        }
        evidence(doc, report);
        return doc;
    }

    /**
     * Current Requested Procedure Evidence Sequence (0040,A375, SR Document General Module, Type 1C): every image an
     * event references (Acquired Image), by study and series (Hierarchical SOP Instance Reference Macro).
     */
    private static void evidence(DicomObject doc, DoseReport report) {
        Map<String, Map<String, Map<String, String>>> byStudy = new TreeMap<>();
        for (IrradiationEvent e : report.events()) {
            for (IrradiationEvent.ImageReference image : e.detector().acquiredImages()) {
                if (image.studyInstanceUid().isEmpty() || image.seriesInstanceUid().isEmpty()) {
                    throw new RdsrBuildException("event " + e.irradiationEventUid().orElse("?"), "Acquired Image "
                            + image.sopInstanceUid() + " needs its study and series, to be listed as evidence");
                }
                byStudy.computeIfAbsent(image.studyInstanceUid(), k -> new TreeMap<>())
                        .computeIfAbsent(image.seriesInstanceUid(), k -> new TreeMap<>())
                        .put(image.sopInstanceUid(), image.sopClassUid());
            }
        }
        if (byStudy.isEmpty()) {
            return;
        }
        var studies = doc.newSequence(Tag.CurrentRequestedProcedureEvidenceSequence);
        byStudy.forEach((study, series) -> {
            DicomObject s = studies.addItem();
            s.setString(Tag.StudyInstanceUID, study);
            var seriesItems = s.newSequence(Tag.ReferencedSeriesSequence);
            series.forEach((seriesUid, sops) -> {
                DicomObject se = seriesItems.addItem();
                se.setString(Tag.SeriesInstanceUID, seriesUid);
                var sopItems = se.newSequence(Tag.ReferencedSOPSequence);
                sops.forEach((sop, sopClass) -> {
                    DicomObject i = sopItems.addItem();
                    i.setString(Tag.ReferencedSOPClassUID, sopClass);
                    i.setString(Tag.ReferencedSOPInstanceUID, sop);
                });
            });
        });
    }

    /** Builds {@code report} and writes it as a Part 10 file in Explicit VR Little Endian. */
    public DicomObject write(DoseReport report, Path file) throws IOException {
        DicomObject doc = build(report);
        DicomWriter.writeFile(file, null, doc, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        return doc;
    }

    private void writeRootItem(ContentWriter root, RootItem item, DoseReport r, String tid, String scopeUid) {
        if (ObserverContextWriter.write(root, item, r.observer())) {
            return;
        }
        String row = "mandatory in TID " + tid;
        switch (item) {
            case PROCEDURE_REPORTED -> {
                Code procedure = root.required(r.procedureReported(), DCM.ProcedureReported, row + " row 2");
                Code intent = root.required(r.hasIntent(), SCT.HasIntent, row + " row 3");
                root.code("HAS CONCEPT MOD", DCM.ProcedureReported, procedure);
                ContentWriter p = root.lastChild();
                p.code("HAS CONCEPT MOD", SCT.HasIntent, intent);
            }
            case START_OF_XRAY_IRRADIATION -> root.dateTime("HAS OBS CONTEXT", DCM.StartOfXRayIrradiation,
                    root.required(r.startOfXRayIrradiation(), DCM.StartOfXRayIrradiation, row + " row 5"));
            case END_OF_XRAY_IRRADIATION -> root.dateTime("HAS OBS CONTEXT", DCM.EndOfXRayIrradiation,
                    root.required(r.endOfXRayIrradiation(), DCM.EndOfXRayIrradiation, row + " row 6"));
            case SCOPE_OF_ACCUMULATION -> {
                root.code("HAS OBS CONTEXT", DCM.ScopeOfAccumulation, r.scopeOfAccumulation().orElse(DCM.Study));
                root.lastChild().uid("HAS PROPERTIES", DCM.StudyInstanceUID, scopeUid);
            }
            case CT_ACCUMULATED_DOSE_DATA -> CtAccumulatedDoseDataWriter.write(root, root.required(
                    r.ctAccumulatedDose(), DCM.CTAccumulatedDoseData, row + " row 9"), r.ctEvents().size());
            case CT_ACQUISITIONS -> {
                if (r.ctEvents().isEmpty()) {
                    throw root.missing(DCM.CTAcquisition, "TID 10011 row 10 needs at least one irradiation event");
                }
                for (CtIrradiationEvent e : r.ctEvents()) {
                    CtIrradiationEventDataWriter.write(root, e);
                }
            }
            case ACCUMULATED_XRAY_DOSE_DATA -> {
                if (r.accumulatedDoses().isEmpty() || r.accumulatedDoses().size() > 2) {
                    throw new RdsrBuildException(root.nextPath(), "TID 10001 row 11 needs one or two Accumulated"
                            + " X-Ray Dose Data (one per plane); the report has " + r.accumulatedDoses().size());
                }
                for (AccumulatedDose a : r.accumulatedDoses()) {
                    AccumulatedXRayDoseWriter.write(root, a);
                }
            }
            case IRRADIATION_EVENTS -> {
                if (r.events().isEmpty()) {
                    throw root.missing(DCM.IrradiationEventXRayData, "TID 10001 row 14: a report without events is"
                            + " not built");
                }
                for (IrradiationEvent e : r.events()) {
                    IrradiationEventXRayDataWriter.write(root, e);
                }
            }
            case SOURCE_OF_DOSE_INFORMATION -> {
                List<Code> sources = r.sourceOfDoseInformation();
                if (sources.isEmpty()) {
                    throw root.missing(DCM.SourceOfDoseInformation, row + " (1-n)");
                }
                for (Code s : sources) {
                    root.code("CONTAINS", DCM.SourceOfDoseInformation, s);
                }
            }
            default -> throw new IllegalStateException("root item " + item + " not handled");
        }
    }

    /** Writes the modules outside the content tree; returns the Study Instance UID. */
    private String header(DicomObject doc, ReportHeader h) {
        doc.setString(Tag.SOPClassUID, Uid.XRayRadiationDoseSRStorage);
        doc.setString(Tag.SOPInstanceUID, uids.next());
        String studyUid = h.studyInstanceUid().isEmpty() ? uids.next() : h.studyInstanceUid();
        checkUid("Study Instance UID", studyUid);
        doc.setString(Tag.StudyInstanceUID, studyUid);
        doc.setString(Tag.SeriesInstanceUID, uids.next());
        doc.setString(Tag.StudyDate, h.studyDate().isEmpty() ? DATE.format(contentDateTime) : h.studyDate());
        doc.setString(Tag.StudyTime, h.studyTime().isEmpty() ? TIME.format(contentDateTime) : h.studyTime());
        doc.setString(Tag.ContentDate, DATE.format(contentDateTime));
        doc.setString(Tag.ContentTime, TIME.format(contentDateTime));
        doc.setString(Tag.AccessionNumber, h.accessionNumber());
        doc.setString(Tag.ReferringPhysicianName, "");
        doc.setString(Tag.StudyID, "");
        setIfPresent(doc, Tag.StudyDescription, h.studyDescription());
        doc.setString(Tag.Modality, "SR");
        doc.setString(Tag.SeriesNumber, "1");
        doc.setString(Tag.InstanceNumber, "1");
        doc.newSequence(Tag.ReferencedPerformedProcedureStepSequence);
        doc.newSequence(Tag.PerformedProcedureCodeSequence);
        doc.setString(Tag.PatientName, h.patientName());
        doc.setString(Tag.PatientID, h.patientId());
        doc.setString(Tag.PatientBirthDate, h.patientBirthDate());
        doc.setString(Tag.PatientSex, h.patientSex());
        setIfPresent(doc, Tag.PatientAge, h.patientAge());
        doc.setString(Tag.Manufacturer, required(h.manufacturer(), "Manufacturer"));
        doc.setString(Tag.ManufacturerModelName, required(h.modelName(), "Manufacturer's Model Name"));
        doc.setString(Tag.DeviceSerialNumber, required(h.deviceSerialNumber(), "Device Serial Number"));
        doc.setString(Tag.SoftwareVersions, required(h.softwareVersions(), "Software Versions").split("\\\\"));
        setIfPresent(doc, Tag.StationName, h.stationName());
        setIfPresent(doc, Tag.InstitutionName, h.institutionName());
        doc.setString(Tag.CompletionFlag, "COMPLETE");
        doc.setString(Tag.VerificationFlag, "UNVERIFIED");
        return studyUid;
    }

    /**
     * True when every string of the report is ASCII, so that the default character repertoire serves and Specific
     * Character Set is left out; otherwise the document is written in UTF-8 (ISO_IR 192).
     */
    static boolean isAscii(Object value) {
        if (value instanceof String s) {
            return s.chars().allMatch(c -> c < 0x80);
        }
        if (value instanceof Optional<?> o) {
            return o.map(RdsrBuilder::isAscii).orElse(true);
        }
        if (value instanceof java.util.Collection<?> c) {
            return c.stream().allMatch(RdsrBuilder::isAscii);
        }
        if (value instanceof Record r) {
            for (java.lang.reflect.RecordComponent rc : r.getClass().getRecordComponents()) {
                try {
                    if (!isAscii(rc.getAccessor().invoke(r))) {
                        return false;
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return true;
    }

    private static String required(String value, String attribute) {
        if (value.isEmpty()) {
            throw new RdsrBuildException(attribute, "is Type 1 in the Enhanced General Equipment module (PS3.3"
                    + " C.7.5.2) and has no value");
        }
        return value;
    }

    private static void setIfPresent(DicomObject doc, int tag, String value) {
        Optional.of(value).filter(v -> !v.isEmpty()).ifPresent(v -> doc.setString(tag, v));
    }

    private static void checkUid(String attribute, String value) {
        if (!value.matches("(0|[1-9][0-9]*)(\\.(0|[1-9][0-9]*))*") || value.length() > 64) {
            throw new RdsrBuildException(attribute, "'" + value + "' is not a valid UID");
        }
    }
}
