package org.kerma.dose.build;

import org.kerma.dicom.sr.Concepts.DCM;
import org.kerma.dose.IrradiationEvent;
import org.kerma.dose.Unit;

/**
 * Writes one TID 10003 Irradiation Event X-Ray Data container with its source (TID 10003B), mechanical (10003C)
 * and detector (10003A) items, in the units the templates name (Exposure in µAs, Exposure Time and Pulse Width in
 * ms), the inverse of {@code IrradiationEventXRayDataReader}. The anatomy is written as Target Region (row 17,
 * mandatory).
 */
final class IrradiationEventXRayDataWriter {
    private static final String C = "CONTAINS";

    private IrradiationEventXRayDataWriter() {
    }

    static void write(ContentWriter root, IrradiationEvent e) {
        ContentWriter w = root.container(C, DCM.IrradiationEventXRayData);
        w.code("HAS CONCEPT MOD", DCM.AcquisitionPlane, w.required(e.acquisitionPlane(), DCM.AcquisitionPlane,
                "mandatory in TID 10003 row 2"));
        w.uid(C, DCM.IrradiationEventUID, w.required(e.irradiationEventUid(), DCM.IrradiationEventUID,
                "mandatory in TID 10003 row 3"));
        w.dateTime(C, DCM.DatetimeStarted, w.required(e.dateTimeStarted(), DCM.DatetimeStarted,
                "mandatory in TID 10003 row 6"));
        w.code(C, DCM.IrradiationEventType, w.required(e.irradiationEventType(), DCM.IrradiationEventType,
                "mandatory in TID 10003 row 7"));
        w.text(C, DCM.AcquisitionProtocol, e.acquisitionProtocol());
        w.code(C, DCM.TargetRegion, w.required(e.anatomicalStructure(), DCM.TargetRegion,
                "mandatory in TID 10003 row 17"));
        w.num(C, DCM.DoseAreaProduct, e.doseAreaProduct(), Unit.GRAY_SQUARE_METRE, "Gy.m2", true);
        w.num(C, DCM.HalfValueLayer, e.halfValueLayer(), Unit.MILLIMETRE, "mm", true);
        w.num(C, DCM.EntranceExposureAtRP, e.entranceExposureAtRp(), Unit.MILLIGRAY, "mGy", true);
        if (e.doseRp().isPresent() || e.entranceExposureAtRp().isPresent()) {
            AccumulatedXRayDoseWriter.referencePoint(w, e.referencePointDefinition(),
                    "TID 10003 row 22, a dose at the reference point being present");
        }
        IrradiationEvent.XRayDetectorData d = e.detector();
        w.num(C, DCM.ExposureIndex, d.exposureIndex(), Unit.ONE, "1", true);
        w.num(C, DCM.TargetExposureIndex, d.targetExposureIndex(), Unit.ONE, "1", true);
        w.num(C, DCM.DeviationIndex, d.deviationIndex(), Unit.ONE, "1", false);
        for (IrradiationEvent.ImageReference image : d.acquiredImages()) {
            w.image(C, DCM.AcquiredImage, image); // TID 10003A row 5
        }
        source(w, e.source(), e);
        mechanical(w, e.mechanical());
        w.text(C, DCM.Comment, e.comment());
    }

    private static void source(ContentWriter w, IrradiationEvent.XRaySourceData s, IrradiationEvent e) {
        w.num(C, DCM.DoseRP, e.doseRp(), Unit.GRAY, "Gy", true);
        w.num(C, DCM.AverageGlandularDose, e.averageGlandularDose(), Unit.MILLIGRAY, "mGy", true);
        w.code(C, DCM.FluoroMode, s.fluoroMode());
        w.num(C, DCM.PulseRate, s.pulseRate(), Unit.PER_SECOND, "{pulse}/s", true);
        w.num(C, DCM.NumberOfPulses, s.numberOfPulses(), Unit.ONE, "1", true); // TID 10003B row 7: (1, UCUM, "no units")
        w.num(C, DCM.KVP, s.kvp(), Unit.KILOVOLT, "kV", true);
        w.num(C, DCM.XRayTubeCurrent, s.xRayTubeCurrent(), Unit.MILLIAMPERE, "mA", true);
        w.num(C, DCM.AverageXRayTubeCurrent, s.averageXRayTubeCurrent(), Unit.MILLIAMPERE, "mA", true);
        w.num(C, DCM.ExposureTime, s.exposureTime(), Unit.SECOND, "ms", true);
        w.num(C, DCM.PulseWidth, s.pulseWidth(), Unit.SECOND, "ms", true);
        w.num(C, DCM.Exposure, s.exposure(), Unit.MILLIAMPERE_SECOND, "uA.s", true);
        w.num(C, DCM.IrradiationDuration, s.irradiationDuration(), Unit.SECOND, "s", true);
        w.num(C, DCM.FocalSpotSize, s.focalSpotSize(), Unit.MILLIMETRE, "mm", true);
        w.code(C, DCM.AnodeTargetMaterial, s.anodeTargetMaterial());
        for (IrradiationEvent.XRayFilter f : s.filters()) {
            ContentWriter fw = w.container(C, DCM.XRayFilters);
            fw.code(C, DCM.XRayFilterType, fw.required(f.type(), DCM.XRayFilterType, "mandatory in X-Ray Filters"));
            fw.code(C, DCM.XRayFilterMaterial, fw.required(f.material(), DCM.XRayFilterMaterial,
                    "mandatory in X-Ray Filters"));
            fw.num(C, DCM.XRayFilterThicknessMinimum, f.thicknessMinimum(), Unit.MILLIMETRE, "mm", true);
            fw.num(C, DCM.XRayFilterThicknessMaximum, f.thicknessMaximum(), Unit.MILLIMETRE, "mm", true);
        }
        w.num(C, DCM.CollimatedFieldArea, s.collimatedFieldArea(), Unit.SQUARE_METRE, "m2", true);
        w.num(C, DCM.CollimatedFieldHeight, s.collimatedFieldHeight(), Unit.MILLIMETRE, "mm", true);
        w.num(C, DCM.CollimatedFieldWidth, s.collimatedFieldWidth(), Unit.MILLIMETRE, "mm", true);
        w.code(C, DCM.XRayGrid, s.xRayGrid());
    }

    private static void mechanical(ContentWriter w, IrradiationEvent.XRayMechanicalData m) {
        w.num(C, DCM.PositionerPrimaryAngle, m.positionerPrimaryAngle(), Unit.DEGREE, "deg", false);
        w.num(C, DCM.PositionerSecondaryAngle, m.positionerSecondaryAngle(), Unit.DEGREE, "deg", false);
        w.num(C, DCM.PositionerPrimaryEndAngle, m.positionerPrimaryEndAngle(), Unit.DEGREE, "deg", false);
        w.num(C, DCM.PositionerSecondaryEndAngle, m.positionerSecondaryEndAngle(), Unit.DEGREE, "deg", false);
        w.num(C, DCM.ColumnAngulation, m.columnAngulation(), Unit.DEGREE, "deg", false);
        w.num(C, DCM.TableHeadTiltAngle, m.tableHeadTiltAngle(), Unit.DEGREE, "deg", false);
        w.num(C, DCM.TableHorizontalRotationAngle, m.tableHorizontalRotationAngle(), Unit.DEGREE, "deg", false);
        w.num(C, DCM.TableCradleTiltAngle, m.tableCradleTiltAngle(), Unit.DEGREE, "deg", false);
        w.num(C, DCM.CompressionThickness, m.compressionThickness(), Unit.MILLIMETRE, "mm", true);
        w.num(C, DCM.DistanceSourceToDetector, m.distanceSourceToDetector(), Unit.MILLIMETRE, "mm", true);
        w.num(C, DCM.DistanceSourceToIsocenter, m.distanceSourceToIsocenter(), Unit.MILLIMETRE, "mm", true);
        w.num(C, DCM.DistanceSourceToReferencePoint, m.distanceSourceToReferencePoint(), Unit.MILLIMETRE, "mm",
                true);
        w.num(C, DCM.DistanceSourceToTablePlane, m.distanceSourceToTablePlane(), Unit.MILLIMETRE, "mm", true);
        w.num(C, DCM.TableLongitudinalPosition, m.tableLongitudinalPosition(), Unit.MILLIMETRE, "mm", false);
        w.num(C, DCM.TableLateralPosition, m.tableLateralPosition(), Unit.MILLIMETRE, "mm", false);
        w.num(C, DCM.TableHeightPosition, m.tableHeightPosition(), Unit.MILLIMETRE, "mm", false);
    }
}
