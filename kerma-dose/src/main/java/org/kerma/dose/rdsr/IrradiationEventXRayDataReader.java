package org.kerma.dose.rdsr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kerma.dicom.Code;
import org.kerma.dicom.sr.Concepts.DCM;
import org.kerma.dicom.sr.Concepts.SCT;
import org.kerma.dicom.sr.ContentItem;
import org.kerma.dose.IrradiationEvent;
import org.kerma.dose.Unit;

/**
 * Reads one Irradiation Event X-Ray Data container (PS3.16 TID 10003) with its detector (10003A), source (10003B)
 * and mechanical (10003C) parts. Items of the included templates are looked up anywhere below the event container
 * (some devices nest the mechanical and source items in sub-containers); none of their concepts repeats within an
 * event, except the X-Ray Filters containers, read one by one. Collimated field and Number of Pulses absent from
 * the standard content are taken from private content when the event has it ({@link PrivateContentReader}).
 */
final class IrradiationEventXRayDataReader {
    private IrradiationEventXRayDataReader() {
    }

    static IrradiationEvent read(ContentItem e, ReadContext ctx) {
        Optional<Code> anatomy = ctx.code(e, SCT.AnatomicalStructure);
        if (anatomy.isEmpty()) {
            anatomy = ctx.code(e, DCM.TargetRegion);
        }
        Optional<Code> plane = ctx.childCode(e, DCM.AcquisitionPlane);
        IrradiationEvent.XRayMechanicalData mechanical = mechanical(e, ctx);
        Optional<ReadContext.SourceToDetector> sid =
                PrivateContentReader.sourceToDetector(e, plane, mechanical.distanceSourceToDetector(), ctx);
        return new IrradiationEvent(e.path().toString(), plane,
                ctx.uid(e, DCM.IrradiationEventUID), ctx.dateTime(e, DCM.DatetimeStarted),
                ctx.childCode(e, DCM.IrradiationEventType), ctx.text(e, DCM.AcquisitionProtocol), anatomy,
                ctx.code(e, SCT.Laterality), ctx.code(e, DCM.ImageView),
                ctx.quantity(e, DCM.DoseAreaProduct, Unit.GRAY_SQUARE_METRE),
                ctx.quantity(e, DCM.HalfValueLayer, Unit.MILLIMETRE),
                ctx.quantity(e, DCM.DoseRP, Unit.GRAY),
                ctx.quantity(e, DCM.EntranceExposureAtRP, Unit.MILLIGRAY),
                ctx.quantity(e, DCM.AverageGlandularDose, Unit.MILLIGRAY),
                ctx.codeOrText(e, DCM.ReferencePointDefinition), ctx.childText(e, DCM.Comment),
                source(e, sid, ctx), mechanical, detector(e, ctx));
    }

    private static IrradiationEvent.XRaySourceData source(ContentItem e,
            Optional<ReadContext.SourceToDetector> sid, ReadContext ctx) {
        PrivateContentReader.CollimatedField field = PrivateContentReader.collimatedField(e,
                new PrivateContentReader.CollimatedField(
                        ctx.quantity(e, DCM.CollimatedFieldArea, Unit.SQUARE_METRE),
                        ctx.quantity(e, DCM.CollimatedFieldHeight, Unit.MILLIMETRE),
                        ctx.quantity(e, DCM.CollimatedFieldWidth, Unit.MILLIMETRE)), sid, ctx);
        return new IrradiationEvent.XRaySourceData(ctx.quantity(e, DCM.KVP, Unit.KILOVOLT),
                ctx.quantity(e, DCM.XRayTubeCurrent, Unit.MILLIAMPERE),
                ctx.quantity(e, DCM.AverageXRayTubeCurrent, Unit.MILLIAMPERE),
                ctx.quantity(e, DCM.ExposureTime, Unit.SECOND),
                ctx.quantity(e, DCM.Exposure, Unit.MILLIAMPERE_SECOND),
                ctx.quantity(e, DCM.PulseWidth, Unit.SECOND),
                PrivateContentReader.numberOfPulses(e, ctx.quantity(e, DCM.NumberOfPulses, Unit.ONE), ctx),
                ctx.quantity(e, DCM.PulseRate, Unit.PER_SECOND),
                ctx.quantity(e, DCM.IrradiationDuration, Unit.SECOND),
                ctx.quantity(e, DCM.FocalSpotSize, Unit.MILLIMETRE),
                ctx.code(e, DCM.FluoroMode), ctx.code(e, DCM.AnodeTargetMaterial), filters(e, ctx),
                field.area(), field.height(), field.width(), ctx.code(e, DCM.XRayGrid));
    }

    private static List<IrradiationEvent.XRayFilter> filters(ContentItem e, ReadContext ctx) {
        List<IrradiationEvent.XRayFilter> filters = new ArrayList<>();
        for (ContentItem f : ctx.children(e, DCM.XRayFilters)) {
            filters.add(new IrradiationEvent.XRayFilter(ctx.childCode(f, DCM.XRayFilterType),
                    ctx.childCode(f, DCM.XRayFilterMaterial),
                    ctx.childQuantity(f, DCM.XRayFilterThicknessMinimum, Unit.MILLIMETRE),
                    ctx.childQuantity(f, DCM.XRayFilterThicknessMaximum, Unit.MILLIMETRE)));
        }
        return filters;
    }

    private static IrradiationEvent.XRayMechanicalData mechanical(ContentItem e, ReadContext ctx) {
        return new IrradiationEvent.XRayMechanicalData(
                ctx.quantity(e, DCM.PositionerPrimaryAngle, Unit.DEGREE),
                ctx.quantity(e, DCM.PositionerSecondaryAngle, Unit.DEGREE),
                ctx.quantity(e, DCM.PositionerPrimaryEndAngle, Unit.DEGREE),
                ctx.quantity(e, DCM.PositionerSecondaryEndAngle, Unit.DEGREE),
                ctx.quantity(e, DCM.ColumnAngulation, Unit.DEGREE),
                ctx.quantity(e, DCM.TableHeadTiltAngle, Unit.DEGREE),
                ctx.quantity(e, DCM.TableHorizontalRotationAngle, Unit.DEGREE),
                ctx.quantity(e, DCM.TableCradleTiltAngle, Unit.DEGREE),
                ctx.quantity(e, DCM.CompressionThickness, Unit.MILLIMETRE),
                ctx.quantity(e, DCM.DistanceSourceToDetector, Unit.MILLIMETRE),
                ctx.quantity(e, DCM.DistanceSourceToIsocenter, Unit.MILLIMETRE),
                ctx.quantity(e, DCM.DistanceSourceToReferencePoint, Unit.MILLIMETRE),
                ctx.quantity(e, DCM.DistanceSourceToTablePlane, Unit.MILLIMETRE),
                ctx.quantity(e, DCM.TableLongitudinalPosition, Unit.MILLIMETRE),
                ctx.quantity(e, DCM.TableLateralPosition, Unit.MILLIMETRE),
                ctx.quantity(e, DCM.TableHeightPosition, Unit.MILLIMETRE));
    }

    private static IrradiationEvent.XRayDetectorData detector(ContentItem e, ReadContext ctx) {
        return new IrradiationEvent.XRayDetectorData(ctx.quantity(e, DCM.ExposureIndex, Unit.ONE),
                ctx.quantity(e, DCM.TargetExposureIndex, Unit.ONE),
                ctx.quantity(e, DCM.DeviationIndex, Unit.ONE),
                ctx.children(e, DCM.AcquiredImage).stream().flatMap(i -> i.reference().stream())
                        .filter(r -> !r.sopInstanceUid().isEmpty()).map(ctx::imageReference).toList());
    }
}
