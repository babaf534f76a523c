package org.kerma.dose.rdsr;

import org.kerma.dicom.sr.Concepts.DCM;
import org.kerma.dicom.sr.ContentItem;
import org.kerma.dose.CtAccumulatedDose;
import org.kerma.dose.Unit;

/** Reads the CT Accumulated Dose Data container (PS3.16 TID 10012). */
final class CtAccumulatedDoseDataReader {
    private CtAccumulatedDoseDataReader() {
    }

    static CtAccumulatedDose read(ContentItem c, ReadContext ctx) {
        return new CtAccumulatedDose(c.path().toString(),
                ctx.childQuantity(c, DCM.TotalNumberOfIrradiationEvents, Unit.ONE),
                ctx.childQuantity(c, DCM.CTDoseLengthProductTotal, Unit.MILLIGRAY_CENTIMETRE),
                ctx.childQuantity(c, DCM.CTEffectiveDoseTotal, Unit.MILLISIEVERT));
    }
}
