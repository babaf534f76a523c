package org.kerma.dose.rdsr;

import java.util.ArrayList;
import java.util.List;
import org.kerma.dicom.sr.Concepts.DCM;
import org.kerma.dicom.sr.Concepts.SCT;
import org.kerma.dicom.sr.ContentItem;
import org.kerma.dose.AccumulatedDose;
import org.kerma.dose.Quantity;
import org.kerma.dose.Unit;

/**
 * Reads one Accumulated X-Ray Dose Data container (PS3.16 TID 10002) and the totals of the templates it includes
 * (TID 10004 fluoroscopy and acquisition, 10005 mammography, 10006 cassette-based, 10007 integrated projection
 * radiography), which all sit in the same container or its Calibration children.
 */
final class AccumulatedXRayDoseReader {
    private AccumulatedXRayDoseReader() {
    }

    static AccumulatedDose read(ContentItem c, ReadContext ctx) {
        return new AccumulatedDose(c.path().toString(), ctx.childCode(c, DCM.AcquisitionPlane),
                ctx.quantity(c, DCM.DoseAreaProductTotal, Unit.GRAY_SQUARE_METRE),
                ctx.quantity(c, DCM.DoseRPTotal, Unit.GRAY),
                ctx.quantity(c, DCM.FluoroDoseAreaProductTotal, Unit.GRAY_SQUARE_METRE),
                ctx.quantity(c, DCM.FluoroDoseRPTotal, Unit.GRAY),
                ctx.quantity(c, DCM.TotalFluoroTime, Unit.SECOND),
                ctx.quantity(c, DCM.AcquisitionDoseAreaProductTotal, Unit.GRAY_SQUARE_METRE),
                ctx.quantity(c, DCM.AcquisitionDoseRPTotal, Unit.GRAY),
                ctx.quantity(c, DCM.TotalAcquisitionTime, Unit.SECOND),
                ctx.quantity(c, DCM.TotalNumberOfRadiographicFrames, Unit.ONE),
                ctx.codeOrText(c, DCM.ReferencePointDefinition),
                glandularDoses(c, ctx), calibrations(c, ctx));
    }

    private static List<AccumulatedDose.GlandularDose> glandularDoses(ContentItem c, ReadContext ctx) {
        List<AccumulatedDose.GlandularDose> doses = new ArrayList<>();
        for (ContentItem agd : ctx.children(c, DCM.AccumulatedAverageGlandularDose)) {
            Quantity q = ctx.quantity(agd, Unit.MILLIGRAY).orElse(null);
            if (q != null) {
                doses.add(new AccumulatedDose.GlandularDose(ctx.childCode(agd, SCT.Laterality), q));
            }
        }
        return doses;
    }

    private static List<AccumulatedDose.Calibration> calibrations(ContentItem c, ReadContext ctx) {
        List<AccumulatedDose.Calibration> calibrations = new ArrayList<>();
        for (ContentItem cal : ctx.children(c, DCM.Calibration)) {
            calibrations.add(new AccumulatedDose.Calibration(ctx.childCode(cal, DCM.DoseMeasurementDevice),
                    ctx.childDateTime(cal, DCM.CalibrationDatetime),
                    ctx.childQuantity(cal, DCM.CalibrationFactor, Unit.ONE),
                    ctx.childQuantity(cal, DCM.CalibrationUncertainty, Unit.PERCENT),
                    ctx.childText(cal, DCM.CalibrationResponsibleParty)));
        }
        return calibrations;
    }
}
