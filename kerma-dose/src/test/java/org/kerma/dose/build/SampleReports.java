package org.kerma.dose.build;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.kerma.dicom.Code;
import org.kerma.dicom.sr.Concepts.DCM;
import org.kerma.dicom.sr.Concepts.SCT;
import org.kerma.dose.AccumulatedDose;
import org.kerma.dose.CodeOrText;
import org.kerma.dose.CtAccumulatedDose;
import org.kerma.dose.CtIrradiationEvent;
import org.kerma.dose.DoseReport;
import org.kerma.dose.IrradiationEvent;
import org.kerma.dose.ObserverContext;
import org.kerma.dose.Quantity;
import org.kerma.dose.ReportHeader;
import org.kerma.dose.Unit;

/** Dose reports built in code: a two-event CT (localizer and spiral) and a two-event fluoroscopy report. */
final class SampleReports {
    private SampleReports() {
    }

    static ReportHeader header(String modality) {
        return new ReportHeader("", "", "1.2.826.0.1.3680043.10.1234.1", "", "ACC123", "20260301", "101500",
                "Chest abdomen", "Doe^Jane", "PAT-001", "19700101", "F", "", modality, "Kerma Test Works",
                "KT-1000", "CT01", "Kerma Hospital", "SN-42", "1.0");
    }

    static ObserverContext observer() {
        return new ObserverContext(Optional.of(DCM.Device), Optional.of("1.2.826.0.1.3680043.10.1234.99"),
                Optional.of("CT01"), Optional.of("Kerma Test Works"), Optional.of("KT-1000"), Optional.of("SN-42"),
                Optional.of("Room 3"), Optional.empty());
    }

    static Optional<Quantity> q(double v, Unit u) {
        return Optional.of(Quantity.of(v, u));
    }

    static CtIrradiationEvent ctEvent(String uid, Code type, double ctdivol, double dlp, double length) {
        boolean localizer = type.equals(DCM.ConstantAngleAcquisition);
        CtIrradiationEvent.ScanningLength scan = new CtIrradiationEvent.ScanningLength(q(length, Unit.MILLIMETRE),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), q(-10.5, Unit.MILLIMETRE),
                q(-10.5 - length, Unit.MILLIMETRE));
        CtIrradiationEvent.CtXRaySource source = new CtIrradiationEvent.CtXRaySource(Optional.of("A"),
                q(120, Unit.KILOVOLT), q(500, Unit.MILLIAMPERE), q(localizer ? 35 : 212.5, Unit.MILLIAMPERE),
                localizer ? Optional.empty() : q(0.5, Unit.SECOND), Optional.empty());
        return new CtIrradiationEvent("", Optional.of(localizer ? "Topogram" : "Chest Abdomen Spiral"),
                Optional.of(SCT.Chest), Optional.of(type), Optional.empty(), Optional.of(uid),
                q(localizer ? 3.2 : 7.25, Unit.SECOND), scan, q(0.6, Unit.MILLIMETRE), q(38.4, Unit.MILLIMETRE),
                localizer ? Optional.empty() : q(0.984375, Unit.ONE), q(1, Unit.ONE), List.of(source),
                localizer ? Optional.empty() : q(ctdivol, Unit.MILLIGRAY),
                localizer ? Optional.empty() : Optional.of(DCM.IECBodyDosimetryPhantom), Optional.empty(),
                localizer ? Optional.empty() : q(dlp, Unit.MILLIGRAY_CENTIMETRE), Optional.empty(),
                Optional.of("XYZ_EC"), Optional.empty(), localizer ? Optional.empty() : Optional.of(doseCheck()));
    }

    /** A dose check: the DLP alert configured (1000 mGy·cm) and both notification values. */
    static CtIrradiationEvent.CtDoseCheckDetails doseCheck() {
        return new CtIrradiationEvent.CtDoseCheckDetails(Optional.of(true), Optional.of(false),
                q(1000, Unit.MILLIGRAY_CENTIMETRE), Optional.empty(), q(1415.82, Unit.MILLIGRAY_CENTIMETRE),
                Optional.empty(), Optional.of("Large patient"), Optional.of("Smith^Anna"), Optional.of(true),
                Optional.of(true), q(500, Unit.MILLIGRAY_CENTIMETRE), q(50, Unit.MILLIGRAY),
                q(415.82, Unit.MILLIGRAY_CENTIMETRE), q(8.43, Unit.MILLIGRAY), Optional.empty(), Optional.empty());
    }

    static DoseReport ct() {
        List<CtIrradiationEvent> events = List.of(
                ctEvent("1.2.826.0.1.3680043.10.1234.2.1", DCM.ConstantAngleAcquisition, 0, 0, 512),
                ctEvent("1.2.826.0.1.3680043.10.1234.2.2", SCT.SpiralAcquisition, 8.43, 415.82, 493.2));
        return new DoseReport(DoseReport.Kind.CT, "10011", header("CT"), observer(),
                Optional.of(SCT.ComputedTomography), Optional.of(SCT.DiagnosticIntent), Optional.of(DCM.Study),
                Optional.of("1.2.826.0.1.3680043.10.1234.1"), Optional.of(LocalDateTime.of(2026, 3, 1, 10, 15, 2)),
                Optional.of(LocalDateTime.of(2026, 3, 1, 10, 21, 40)), List.of(DCM.AutomatedDataCollection),
                List.of(), Optional.of(new CtAccumulatedDose("", q(2, Unit.ONE), q(415.82, Unit.MILLIGRAY_CENTIMETRE),
                        Optional.empty())), List.of(), events, List.of(), List.of(), List.of());
    }

    static IrradiationEvent xrayEvent(String uid, Code type, double dap, double doseRp, int second) {
        IrradiationEvent.XRaySourceData source = new IrradiationEvent.XRaySourceData(q(78, Unit.KILOVOLT),
                q(12.5, Unit.MILLIAMPERE), Optional.empty(), q(0.0125, Unit.SECOND), q(34.3, Unit.MILLIAMPERE_SECOND),
                q(0.008, Unit.SECOND), q(120, Unit.ONE), q(15, Unit.PER_SECOND), q(8, Unit.SECOND),
                q(0.6, Unit.MILLIMETRE), Optional.of(DCM.Pulsed), Optional.empty(),
                List.of(new IrradiationEvent.XRayFilter(Optional.of(DCM.FlatFilter), Optional.of(SCT.Copper),
                        q(0.1, Unit.MILLIMETRE), q(0.1, Unit.MILLIMETRE))),
                q(0.0441, Unit.SQUARE_METRE), Optional.empty(), Optional.empty(), Optional.empty());
        IrradiationEvent.XRayMechanicalData mech = new IrradiationEvent.XRayMechanicalData(q(-30, Unit.DEGREE),
                q(12.5, Unit.DEGREE), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), q(1100, Unit.MILLIMETRE),
                q(750, Unit.MILLIMETRE), Optional.empty(), Optional.empty(), q(-12.3, Unit.MILLIMETRE),
                q(4, Unit.MILLIMETRE), q(-150, Unit.MILLIMETRE));
        IrradiationEvent.XRayDetectorData det = new IrradiationEvent.XRayDetectorData(Optional.empty(),
                Optional.empty(), Optional.empty());
        return new IrradiationEvent("", Optional.of(DCM.SinglePlane), Optional.of(uid),
                Optional.of(LocalDateTime.of(2026, 3, 1, 9, 0, second)), Optional.of(type),
                Optional.of("Cardiac 15 fps"), Optional.of(SCT.Chest), Optional.empty(), Optional.empty(),
                q(dap, Unit.GRAY_SQUARE_METRE), Optional.empty(), q(doseRp, Unit.GRAY), Optional.empty(),
                Optional.empty(), Optional.of(CodeOrText.of(DCM._15cmFromIsocenterTowardSource)), Optional.empty(), source,
                mech, det);
    }

    static DoseReport projection() {
        List<IrradiationEvent> events = List.of(
                xrayEvent("1.2.826.0.1.3680043.10.1234.3.1", SCT.Fluoroscopy, 0.00123, 0.0105, 5),
                xrayEvent("1.2.826.0.1.3680043.10.1234.3.2", DCM.StationaryAcquisition, 0.00021, 0.0021, 40));
        AccumulatedDose acc = new AccumulatedDose("", Optional.of(DCM.SinglePlane),
                q(0.00144, Unit.GRAY_SQUARE_METRE), q(0.0126, Unit.GRAY), q(0.00123, Unit.GRAY_SQUARE_METRE),
                q(0.0105, Unit.GRAY), q(8, Unit.SECOND), q(0.00021, Unit.GRAY_SQUARE_METRE), q(0.0021, Unit.GRAY),
                q(8, Unit.SECOND), q(120, Unit.ONE), Optional.of(CodeOrText.of(DCM._15cmFromIsocenterTowardSource)),
                List.of(), List.of());
        return new DoseReport(DoseReport.Kind.PROJECTION_XRAY, "10001", header("XA"), observer(),
                Optional.of(DCM.ProjectionXRay), Optional.of(SCT.DiagnosticIntent), Optional.of(DCM.Study),
                Optional.of("1.2.826.0.1.3680043.10.1234.1"), Optional.empty(), Optional.empty(),
                List.of(DCM.AutomatedDataCollection), List.of(acc), Optional.empty(), events, List.of(), List.of(),
                List.of(), List.of());
    }
}
