package org.kerma.dose.rdsr;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kerma.dicom.Code;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.Uid;
import org.kerma.dicom.sr.Concepts.DCM;
import org.kerma.dicom.sr.Concepts.SCT;
import org.kerma.dicom.sr.ContentItem;
import org.kerma.dicom.sr.ContentTree;
import org.kerma.dose.AccumulatedDose;
import org.kerma.dose.CtAccumulatedDose;
import org.kerma.dose.CtIrradiationEvent;
import org.kerma.dose.DoseReport;
import org.kerma.dose.Finding;
import org.kerma.dose.IrradiationEvent;
import org.kerma.dose.RadiopharmaceuticalAdministration;
import org.kerma.dose.ReportHeader;
import org.kerma.dose.vendor.Quirk;

/**
 * The front door of dose reading: one SR data set in, one {@link DoseReport} out, every number in its canonical
 * unit, every deviation a {@link Finding} or an applied {@link Quirk} with its content item path.
 *
 * <pre>{@code
 * DoseReport report = RdsrReader.read(DicomReader.read(path));
 * report.ctAccumulatedDose().flatMap(CtAccumulatedDose::ctDoseLengthProductTotal)  // 415.82 mGy·cm
 * }</pre>
 *
 * <p>Reads X-Ray Radiation Dose SR (PS3.3 A.35.8), Enhanced X-Ray Radiation Dose SR (A.35.20), Radiopharmaceutical
 * Radiation Dose SR (A.35.14), and Enhanced or Comprehensive SR whose document title is X-Ray Radiation Dose Report
 * (older GE CT). The root template is the one the report names in Content Template Sequence, else inferred.
 * Never throws on bad content; pure (no I/O); thread-safe (no shared state).
 */
public final class RdsrReader {
    private RdsrReader() {
    }

    /** True when {@link #read} accepts the object. */
    public static boolean isDoseReport(DicomObject sr) {
        String sopClass = sr.getString(Tag.SOPClassUID, "");
        if (sopClass.equals(Uid.XRayRadiationDoseSRStorage) || sopClass.equals(Uid.EnhancedXRayRadiationDoseSRStorage)
                || sopClass.equals(Uid.RadiopharmaceuticalRadiationDoseSRStorage)) {
            return true;
        }
        return (sopClass.equals(Uid.EnhancedSRStorage) || sopClass.equals(Uid.ComprehensiveSRStorage))
                && ContentItem.root(sr).hasConceptName(DCM.XRayRadiationDoseReport);
    }

    /**
     * Reads a dose report.
     *
     * @throws NotADoseReportException when the object is not a dose report (see {@link #isDoseReport})
     */
    public static DoseReport read(DicomObject sr) {
        if (!isDoseReport(sr)) {
            throw new NotADoseReportException("not a radiation dose report: SOP Class "
                    + sr.getString(Tag.SOPClassUID, "(none)") + ", document title "
                    + ContentItem.root(sr).conceptName().map(Code::toString).orElse("(none)"));
        }
        ContentTree tree = ContentTree.of(sr);
        ReadContext ctx = new ReadContext(tree);
        ContentItem root = tree.root();
        String sopClass = sr.getString(Tag.SOPClassUID, "");
        DoseReport.Kind kind = kind(sr, root, ctx);
        if (sopClass.equals(Uid.EnhancedSRStorage) || sopClass.equals(Uid.ComprehensiveSRStorage)) {
            ctx.quirk(Quirk.GE_CT_ENHANCED_SR, "-", "dose report in SOP Class " + sopClass);
        }
        Optional<ContentItem> procedure = ctx.child(root, DCM.ProcedureReported);
        Optional<Code> intent = intent(root, procedure, kind, ctx);
        Optional<ContentItem> scope = ctx.child(root, DCM.ScopeOfAccumulation);
        Body body = switch (kind) {
            case PROJECTION_XRAY -> projection(root, ctx);
            case CT -> ct(root, ctx);
            case RADIOPHARMACEUTICAL -> radiopharmaceutical(root, ctx);
        };
        List<Code> sources = new ArrayList<>();
        for (ContentItem s : ctx.children(root, DCM.SourceOfDoseInformation)) {
            ctx.code(s).ifPresent(sources::add);
        }
        Optional<LocalDateTime> start = ctx.childDateTime(root, DCM.StartOfXRayIrradiation);
        Optional<LocalDateTime> end = ctx.childDateTime(root, DCM.EndOfXRayIrradiation);
        return new DoseReport(kind, templateId(kind), header(sr), ObserverContextReader.read(root, ctx),
                procedure.flatMap(ctx::code), intent, scope.flatMap(ctx::code),
                scope.flatMap(s -> s.children().stream().filter(c -> c.uid().isPresent()).findFirst())
                        .flatMap(ContentItem::uid),
                start, end, sources, body.accumulated(), body.ctAccumulated(), body.events(), body.ctEvents(),
                body.administrations(), ctx.quirks(), ctx.findings());
    }

    /** The template-specific part of a report. */
    private record Body(List<AccumulatedDose> accumulated, List<IrradiationEvent> events,
            Optional<CtAccumulatedDose> ctAccumulated, List<CtIrradiationEvent> ctEvents,
            List<RadiopharmaceuticalAdministration> administrations) {
    }

    /** Has Intent under Procedure reported (TID 10001/10011 row 2.1), or anywhere for TID 10021. */
    private static Optional<Code> intent(ContentItem root, Optional<ContentItem> procedure, DoseReport.Kind kind,
            ReadContext ctx) {
        if (kind == DoseReport.Kind.RADIOPHARMACEUTICAL) {
            return ctx.code(root, SCT.HasIntent);
        }
        Optional<Code> intent = procedure.flatMap(p -> ctx.child(p, SCT.HasIntent)).flatMap(ctx::code);
        if (procedure.isPresent() && intent.isEmpty()) {
            ctx.quirk(Quirk.MISSING_HAS_INTENT, procedure.get().path().toString(), "Procedure reported "
                    + procedure.get().code().map(Code::toString).orElse("") + " has no Has Intent");
        }
        return intent;
    }

    /** TID 10001: accumulated dose per plane (TID 10002, mandatory) and the irradiation events (TID 10003). */
    private static Body projection(ContentItem root, ReadContext ctx) {
        List<AccumulatedDose> accumulated = new ArrayList<>();
        for (ContentItem c : ctx.children(root, DCM.AccumulatedXRayDoseData)) {
            accumulated.add(AccumulatedXRayDoseReader.read(c, ctx));
        }
        mandatory(ctx, root, accumulated.isEmpty(), "Accumulated X-Ray Dose Data (113702)", "10001");
        List<IrradiationEvent> events = new ArrayList<>();
        for (ContentItem e : ctx.children(root, DCM.IrradiationEventXRayData)) {
            events.add(IrradiationEventXRayDataReader.read(e, ctx));
        }
        return new Body(accumulated, events, Optional.empty(), List.of(), List.of());
    }

    /** TID 10011: CT accumulated dose (TID 10012, mandatory) and the CT acquisitions (TID 10013, at least one). */
    private static Body ct(ContentItem root, ReadContext ctx) {
        Optional<ContentItem> c = ctx.child(root, DCM.CTAccumulatedDoseData);
        mandatory(ctx, root, c.isEmpty(), "CT Accumulated Dose Data (113811)", "10011");
        List<CtIrradiationEvent> events = new ArrayList<>();
        for (ContentItem e : ctx.children(root, DCM.CTAcquisition)) {
            events.add(CtIrradiationEventDataReader.read(e, ctx));
        }
        mandatory(ctx, root, events.isEmpty(), "CT Acquisition (113819)", "10011");
        return new Body(List.of(), List.of(), c.map(i -> CtAccumulatedDoseDataReader.read(i, ctx)), events,
                List.of());
    }

    /** TID 10021: the radiopharmaceutical administrations (at least one). */
    private static Body radiopharmaceutical(ContentItem root, ReadContext ctx) {
        List<RadiopharmaceuticalAdministration> administrations =
                RadiopharmaceuticalRadiationDoseReader.read(root, ctx);
        mandatory(ctx, root, administrations.isEmpty(), "Radiopharmaceutical Administration (113502)", "10021");
        return new Body(List.of(), List.of(), Optional.empty(), List.of(), administrations);
    }

    private static void mandatory(ReadContext ctx, ContentItem root, boolean missing, String container, String tid) {
        if (missing) {
            ctx.finding(Finding.Severity.ERROR, root.path().toString(),
                    "mandatory container " + container + " of TID " + tid + " is missing");
        }
    }

    private static String templateId(DoseReport.Kind kind) {
        return switch (kind) {
            case PROJECTION_XRAY -> "10001";
            case CT -> "10011";
            case RADIOPHARMACEUTICAL -> "10021";
        };
    }

    /** The template family: from Template Identifier, else from the title and Procedure reported (a quirk). */
    private static DoseReport.Kind kind(DicomObject sr, ContentItem root, ReadContext ctx) {
        Optional<String> tid = root.templateIdentifier();
        if (tid.isPresent()) {
            switch (tid.get()) {
                case "10001": return DoseReport.Kind.PROJECTION_XRAY;
                case "10011": return DoseReport.Kind.CT;
                case "10021": return DoseReport.Kind.RADIOPHARMACEUTICAL;
                default:
                    ctx.finding(Finding.Severity.WARNING, "1", "Template Identifier " + tid.get()
                            + " is not a dose template this reader knows; inferred from the content");
            }
        }
        if (root.hasConceptName(DCM.RadiopharmaceuticalRadiationDoseReport)
                || sr.getString(Tag.SOPClassUID, "").equals(Uid.RadiopharmaceuticalRadiationDoseSRStorage)) {
            return DoseReport.Kind.RADIOPHARMACEUTICAL;
        }
        Optional<ContentItem> procedure = root.child(DCM.ProcedureReported);
        boolean ct = root.child(DCM.CTAccumulatedDoseData).isPresent()
                || procedure.filter(p -> p.hasCode(SCT.ComputedTomography)).isPresent();
        DoseReport.Kind kind = ct ? DoseReport.Kind.CT : DoseReport.Kind.PROJECTION_XRAY;
        if (tid.isEmpty()) {
            ctx.quirk(Quirk.MISSING_TEMPLATE_IDENTIFIER, "1", "no Content Template Sequence; read as TID "
                    + templateId(kind) + (procedure.isPresent() ? " from Procedure reported "
                    + procedure.get().code().map(Code::toString).orElse("") : " from the containers present"));
        }
        return kind;
    }

    private static ReportHeader header(DicomObject sr) {
        return new ReportHeader(s(sr, Tag.SOPClassUID), s(sr, Tag.SOPInstanceUID), s(sr, Tag.StudyInstanceUID),
                s(sr, Tag.SeriesInstanceUID), s(sr, Tag.AccessionNumber), s(sr, Tag.StudyDate),
                s(sr, Tag.StudyTime), s(sr, Tag.StudyDescription), s(sr, Tag.PatientName), s(sr, Tag.PatientID),
                s(sr, Tag.PatientBirthDate), s(sr, Tag.PatientSex), s(sr, Tag.PatientAge), s(sr, Tag.Modality),
                s(sr, Tag.Manufacturer), s(sr, Tag.ManufacturerModelName), s(sr, Tag.StationName),
                s(sr, Tag.InstitutionName), s(sr, Tag.DeviceSerialNumber),
                String.join("\\", safeStrings(sr, Tag.SoftwareVersions)));
    }

    private static String s(DicomObject sr, int tag) {
        try {
            return sr.getString(tag, "");
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static List<String> safeStrings(DicomObject sr, int tag) {
        try {
            return sr.strings(tag);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }
}
