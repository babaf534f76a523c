package org.kerma.dose.rdsr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kerma.dicom.sr.Concepts.DCM;
import org.kerma.dicom.sr.Concepts.SCT;
import org.kerma.dicom.sr.ContentItem;
import org.kerma.dose.CtIrradiationEvent;
import org.kerma.dose.Unit;

/**
 * Reads one CT Acquisition container (PS3.16 TID 10013 CT Irradiation Event Data) with TID 10014 Scanning Length,
 * its CT X-Ray Source Parameters containers and TID 10015 CT Dose Check Details.
 */
final class CtIrradiationEventDataReader {
    private CtIrradiationEventDataReader() {
    }

    static CtIrradiationEvent read(ContentItem e, ReadContext ctx) {
        Optional<ContentItem> parameters = ctx.child(e, DCM.CTAcquisitionParameters);
        Optional<ContentItem> dose = ctx.child(e, DCM.CTDose);
        ContentItem p = parameters.orElse(e);
        ContentItem d = dose.orElse(e);
        return new CtIrradiationEvent(e.path().toString(), ctx.childText(e, DCM.AcquisitionProtocol),
                ctx.childCode(e, DCM.TargetRegion), ctx.childCode(e, DCM.CTAcquisitionType),
                ctx.childCode(e, SCT.ProcedureContext), ctx.childUid(e, DCM.IrradiationEventUID),
                ctx.childQuantity(p, DCM.ExposureTime, Unit.SECOND), scanningLength(p, ctx),
                ctx.childQuantity(p, DCM.NominalSingleCollimationWidth, Unit.MILLIMETRE),
                ctx.childQuantity(p, DCM.NominalTotalCollimationWidth, Unit.MILLIMETRE),
                ctx.childQuantity(p, DCM.PitchFactor, Unit.ONE),
                ctx.childQuantity(p, DCM.NumberOfXRaySources, Unit.ONE), sources(p, ctx),
                ctx.childQuantity(d, DCM.MeanCtdivol, Unit.MILLIGRAY), ctx.childCode(d, DCM.CtdiwPhantomType),
                ctx.childQuantity(d, DCM.MeanCtdifreeair, Unit.MILLIGRAY),
                ctx.childQuantity(d, DCM.DLP, Unit.MILLIGRAY_CENTIMETRE),
                ctx.childQuantity(d, DCM.EffectiveDose, Unit.MILLISIEVERT),
                ctx.childText(e, DCM.XRayModulationType).or(() -> ctx.childText(p, DCM.XRayModulationType)),
                ctx.childText(e, DCM.Comment), doseCheck(d, ctx));
    }

    private static CtIrradiationEvent.ScanningLength scanningLength(ContentItem p, ReadContext ctx) {
        return new CtIrradiationEvent.ScanningLength(
                ctx.quantity(p, DCM.ScanningLength, Unit.MILLIMETRE),
                ctx.quantity(p, DCM.LengthOfReconstructableVolume, Unit.MILLIMETRE),
                ctx.quantity(p, DCM.ExposedRange, Unit.MILLIMETRE),
                ctx.quantity(p, DCM.TopZLocationOfReconstructableVolume, Unit.MILLIMETRE),
                ctx.quantity(p, DCM.BottomZLocationOfReconstructableVolume, Unit.MILLIMETRE),
                ctx.quantity(p, DCM.TopZLocationOfScanningLength, Unit.MILLIMETRE),
                ctx.quantity(p, DCM.BottomZLocationOfScanningLength, Unit.MILLIMETRE));
    }

    private static List<CtIrradiationEvent.CtXRaySource> sources(ContentItem p, ReadContext ctx) {
        List<CtIrradiationEvent.CtXRaySource> sources = new ArrayList<>();
        for (ContentItem s : ctx.children(p, DCM.CTXRaySourceParameters)) {
            sources.add(new CtIrradiationEvent.CtXRaySource(ctx.childText(s, DCM.IdentificationOfTheXRaySource),
                    ctx.childQuantity(s, DCM.KVP, Unit.KILOVOLT),
                    ctx.childQuantity(s, DCM.MaximumXRayTubeCurrent, Unit.MILLIAMPERE),
                    ctx.childQuantity(s, DCM.XRayTubeCurrent, Unit.MILLIAMPERE),
                    ctx.childQuantity(s, DCM.ExposureTimePerRotation, Unit.SECOND),
                    ctx.childQuantity(s, DCM.XRayFilterAluminumEquivalent, Unit.MILLIMETRE)));
        }
        return sources;
    }

    /** TID 10015, read from the CT Dose container (or the event); empty when the event has no dose check. */
    private static Optional<CtIrradiationEvent.CtDoseCheckDetails> doseCheck(ContentItem d, ReadContext ctx) {
        Optional<ContentItem> alert = ctx.descendant(d, DCM.DoseCheckAlertDetails);
        Optional<ContentItem> notification = ctx.descendant(d, DCM.DoseCheckNotificationDetails);
        if (alert.isEmpty() && notification.isEmpty()) {
            return Optional.empty();
        }
        ContentItem a = alert.orElse(null);
        ContentItem n = notification.orElse(null);
        return Optional.of(new CtIrradiationEvent.CtDoseCheckDetails(
                a == null ? Optional.empty() : ctx.yesNo(a, DCM.DLPAlertValueConfigured),
                a == null ? Optional.empty() : ctx.yesNo(a, DCM.CtdivolAlertValueConfigured),
                a == null ? Optional.empty() : ctx.childQuantity(a, DCM.DLPAlertValue, Unit.MILLIGRAY_CENTIMETRE),
                a == null ? Optional.empty() : ctx.childQuantity(a, DCM.CtdivolAlertValue, Unit.MILLIGRAY),
                a == null ? Optional.empty()
                        : ctx.childQuantity(a, DCM.AccumulatedDLPForwardEstimate, Unit.MILLIGRAY_CENTIMETRE),
                a == null ? Optional.empty()
                        : ctx.childQuantity(a, DCM.AccumulatedCtdivolForwardEstimate, Unit.MILLIGRAY),
                a == null ? Optional.empty() : ctx.childText(a, DCM.ReasonForProceeding),
                a == null ? Optional.empty() : ctx.personName(a, DCM.PersonName),
                n == null ? Optional.empty() : ctx.yesNo(n, DCM.DLPNotificationValueConfigured),
                n == null ? Optional.empty() : ctx.yesNo(n, DCM.CtdivolNotificationValueConfigured),
                n == null ? Optional.empty()
                        : ctx.childQuantity(n, DCM.DLPNotificationValue, Unit.MILLIGRAY_CENTIMETRE),
                n == null ? Optional.empty() : ctx.childQuantity(n, DCM.CtdivolNotificationValue, Unit.MILLIGRAY),
                n == null ? Optional.empty()
                        : ctx.childQuantity(n, DCM.DLPForwardEstimate, Unit.MILLIGRAY_CENTIMETRE),
                n == null ? Optional.empty() : ctx.childQuantity(n, DCM.CtdivolForwardEstimate, Unit.MILLIGRAY),
                n == null ? Optional.empty() : ctx.childText(n, DCM.ReasonForProceeding),
                n == null ? Optional.empty() : ctx.personName(n, DCM.PersonName)));
    }
}
