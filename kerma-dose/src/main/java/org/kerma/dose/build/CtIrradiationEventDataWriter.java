package org.kerma.dose.build;

import org.kerma.dicom.Code;
import org.kerma.dicom.sr.Concepts.DCM;
import org.kerma.dicom.sr.Concepts.SCT;
import org.kerma.dicom.sr.LegacyCodes;
import org.kerma.dose.CtIrradiationEvent;
import org.kerma.dose.Quantity;
import org.kerma.dose.Unit;

/**
 * Writes one CT Acquisition container (PS3.16 TID 10013 CT Irradiation Event Data) with TID 10014 Scanning Length
 * and its CT X-Ray Source Parameters, the inverse of {@code CtIrradiationEventDataReader}. The conditions of TID
 * 10013 are applied from the CT Acquisition Type: Pitch Factor for spiral and sequenced acquisitions (row 12),
 * Exposure Time per Rotation unless constant angle or stationary (row 19), CT Dose unless constant angle (row 21).
 */
final class CtIrradiationEventDataWriter {
    private static final String C = "CONTAINS";

    private CtIrradiationEventDataWriter() {
    }

    static void write(ContentWriter root, CtIrradiationEvent e) {
        ContentWriter a = root.container(C, DCM.CTAcquisition);
        a.text(C, DCM.AcquisitionProtocol, e.acquisitionProtocol());
        a.code(C, DCM.TargetRegion, a.required(e.targetRegion(), DCM.TargetRegion, "mandatory in TID 10013 row 3"));
        Code type = a.required(e.ctAcquisitionType(), DCM.CTAcquisitionType, "mandatory in TID 10013 row 4");
        a.code(C, DCM.CTAcquisitionType, type);
        a.code(C, SCT.ProcedureContext, e.procedureContext());
        a.uid(C, DCM.IrradiationEventUID, a.required(e.irradiationEventUid(), DCM.IrradiationEventUID,
                "mandatory in TID 10013 row 6"));
        boolean spiralOrSequenced = is(type, SCT.SpiralAcquisition) || is(type, DCM.SequencedAcquisition);
        boolean constantAngle = is(type, DCM.ConstantAngleAcquisition);
        boolean stationary = is(type, DCM.StationaryAcquisitionCT);

        ContentWriter p = a.container(C, DCM.CTAcquisitionParameters);
        p.num(C, DCM.ExposureTime, p.required(e.exposureTime(), DCM.ExposureTime, "mandatory in TID 10013 row 8"),
                Unit.SECOND, "s", true);
        CtIrradiationEvent.ScanningLength s = e.scanningLength();
        p.num(C, DCM.ScanningLength, p.required(s.scanningLength(), DCM.ScanningLength,
                "mandatory in TID 10014 row 1"), Unit.MILLIMETRE, "mm", true);
        p.num(C, DCM.LengthOfReconstructableVolume, s.lengthOfReconstructableVolume(), Unit.MILLIMETRE, "mm", true);
        p.num(C, DCM.ExposedRange, s.exposedRange(), Unit.MILLIMETRE, "mm", true);
        p.num(C, DCM.TopZLocationOfReconstructableVolume, s.topZLocationOfReconstructableVolume(),
                Unit.MILLIMETRE, "mm", false);
        p.num(C, DCM.BottomZLocationOfReconstructableVolume, s.bottomZLocationOfReconstructableVolume(),
                Unit.MILLIMETRE, "mm", false);
        p.num(C, DCM.TopZLocationOfScanningLength, s.topZLocationOfScanningLength(), Unit.MILLIMETRE, "mm", false);
        p.num(C, DCM.BottomZLocationOfScanningLength, s.bottomZLocationOfScanningLength(), Unit.MILLIMETRE, "mm",
                false);
        p.num(C, DCM.NominalSingleCollimationWidth, p.required(e.nominalSingleCollimationWidth(),
                DCM.NominalSingleCollimationWidth, "mandatory in TID 10013 row 10"), Unit.MILLIMETRE, "mm", true);
        p.num(C, DCM.NominalTotalCollimationWidth, p.required(e.nominalTotalCollimationWidth(),
                DCM.NominalTotalCollimationWidth, "mandatory in TID 10013 row 11"), Unit.MILLIMETRE, "mm", true);
        if (spiralOrSequenced) {
            p.num(C, DCM.PitchFactor, p.required(e.pitchFactor(), DCM.PitchFactor,
                    "mandatory in TID 10013 row 12 for a " + type.meaning()), Unit.ONE, "{ratio}", true);
        } else {
            p.num(C, DCM.PitchFactor, e.pitchFactor(), Unit.ONE, "{ratio}", true);
        }
        Quantity sources = p.required(e.numberOfXRaySources(), DCM.NumberOfXRaySources,
                "mandatory in TID 10013 row 13");
        if (sources.value() != e.sources().size() || e.sources().isEmpty()) {
            throw new RdsrBuildException(p.nextPath(), ContentWriter.describe(DCM.NumberOfXRaySources) + " is "
                    + sources + " but " + e.sources().size() + " CT X-Ray Source Parameters are given (TID 10013"
                    + " row 14 needs one per source)");
        }
        p.num(C, DCM.NumberOfXRaySources, sources, Unit.ONE, "{X-Ray sources}", true);
        for (CtIrradiationEvent.CtXRaySource x : e.sources()) {
            ContentWriter w = p.container(C, DCM.CTXRaySourceParameters);
            w.text(C, DCM.IdentificationOfTheXRaySource, w.required(x.identification(),
                    DCM.IdentificationOfTheXRaySource, "mandatory in TID 10013 row 15"));
            w.num(C, DCM.KVP, w.required(x.kvp(), DCM.KVP, "mandatory in TID 10013 row 16"), Unit.KILOVOLT, "kV",
                    true);
            w.num(C, DCM.MaximumXRayTubeCurrent, w.required(x.maximumXRayTubeCurrent(), DCM.MaximumXRayTubeCurrent,
                    "mandatory in TID 10013 row 17"), Unit.MILLIAMPERE, "mA", true);
            w.num(C, DCM.XRayTubeCurrent, w.required(x.xRayTubeCurrent(), DCM.XRayTubeCurrent,
                    "mandatory in TID 10013 row 18"), Unit.MILLIAMPERE, "mA", true);
            if (constantAngle || stationary) {
                w.num(C, DCM.ExposureTimePerRotation, x.exposureTimePerRotation(), Unit.SECOND, "s", true);
            } else {
                w.num(C, DCM.ExposureTimePerRotation, w.required(x.exposureTimePerRotation(),
                        DCM.ExposureTimePerRotation, "mandatory in TID 10013 row 19 for a " + type.meaning()),
                        Unit.SECOND, "s", true);
            }
            w.num(C, DCM.XRayFilterAluminumEquivalent, x.xRayFilterAluminumEquivalent(), Unit.MILLIMETRE, "mm",
                    true);
        }

        if (!constantAngle || e.meanCtdivol().isPresent()) {
            ContentWriter d = a.container(C, DCM.CTDose);
            d.num(C, DCM.MeanCtdivol, d.required(e.meanCtdivol(), DCM.MeanCtdivol, "mandatory in TID 10013 row 22"
                    + " (CT Dose is required unless the acquisition is Constant Angle)"), Unit.MILLIGRAY, "mGy", true);
            d.code(C, DCM.CtdiwPhantomType, d.required(e.ctdiwPhantomType(), DCM.CtdiwPhantomType,
                    "mandatory in TID 10013 row 23"));
            d.num(C, DCM.MeanCtdifreeair, e.meanCtdiFreeAir(), Unit.MILLIGRAY, "mGy", true);
            d.num(C, DCM.DLP, d.required(e.dlp(), DCM.DLP, "mandatory in TID 10013 row 26"),
                    Unit.MILLIGRAY_CENTIMETRE, "mGy.cm", true);
            e.doseCheck().ifPresent(check -> CtDoseCheckDetailsWriter.write(d, check));
        }
        a.text(C, DCM.XRayModulationType, e.xRayModulationType());
        a.text(C, DCM.Comment, e.comment());
    }

    private static boolean is(Code code, Code concept) {
        return LegacyCodes.sameConcept(code, concept);
    }
}
