package org.kerma.dose.build;

import java.util.Optional;
import org.kerma.dicom.sr.Concepts.DCM;
import org.kerma.dose.AccumulatedDose;
import org.kerma.dose.CodeOrText;
import org.kerma.dose.Unit;

/**
 * Writes one TID 10002 Accumulated X-Ray Dose Data container with the totals of TID 10004 Accumulated Fluoroscopy
 * and Acquisition Projection X-Ray Dose, the inverse of {@code AccumulatedXRayDoseReader} for fluoroscopy and
 * projection radiography (mammography and cassette-based totals, TID 10005/10006, are not written).
 */
final class AccumulatedXRayDoseWriter {
    private static final String C = "CONTAINS";

    private AccumulatedXRayDoseWriter() {
    }

    static void write(ContentWriter root, AccumulatedDose a) {
        ContentWriter w = root.container(C, DCM.AccumulatedXRayDoseData);
        w.code("HAS CONCEPT MOD", DCM.AcquisitionPlane, w.required(a.acquisitionPlane(), DCM.AcquisitionPlane,
                "mandatory in TID 10002 row 2"));
        w.num(C, DCM.DoseAreaProductTotal, w.required(a.doseAreaProductTotal(), DCM.DoseAreaProductTotal,
                "mandatory in TID 10004 row 1"), Unit.GRAY_SQUARE_METRE, "Gy.m2", true);
        w.num(C, DCM.DoseRPTotal, a.doseRpTotal(), Unit.GRAY, "Gy", true);
        w.num(C, DCM.FluoroDoseAreaProductTotal, a.fluoroDoseAreaProductTotal(), Unit.GRAY_SQUARE_METRE, "Gy.m2",
                true);
        w.num(C, DCM.FluoroDoseRPTotal, a.fluoroDoseRpTotal(), Unit.GRAY, "Gy", true);
        w.num(C, DCM.TotalFluoroTime, a.totalFluoroTime(), Unit.SECOND, "s", true);
        w.num(C, DCM.AcquisitionDoseAreaProductTotal, a.acquisitionDoseAreaProductTotal(), Unit.GRAY_SQUARE_METRE,
                "Gy.m2", true);
        w.num(C, DCM.AcquisitionDoseRPTotal, a.acquisitionDoseRpTotal(), Unit.GRAY, "Gy", true);
        w.num(C, DCM.TotalAcquisitionTime, a.totalAcquisitionTime(), Unit.SECOND, "s", true);
        w.num(C, DCM.TotalNumberOfRadiographicFrames, a.totalNumberOfRadiographicFrames(), Unit.ONE, "1", true);
        if (a.doseRpTotal().isPresent()) {
            referencePoint(w, a.referencePointDefinition(), "TID 10004 row 11, Dose (RP) Total being present");
        }
    }

    /** Reference Point Definition (113780) as CODE or TEXT. */
    static void referencePoint(ContentWriter w, Optional<CodeOrText> rpd, String rule) {
        CodeOrText r = w.required(rpd, DCM.ReferencePointDefinition, "mandatory by " + rule);
        if (r.code().isPresent()) {
            w.code(C, DCM.ReferencePointDefinition, r.code().get());
        } else {
            w.text(C, DCM.ReferencePointDefinition, r.text());
        }
    }
}
