package org.kerma.dose.build;

import org.kerma.dicom.sr.Concepts.DCM;
import org.kerma.dose.CtAccumulatedDose;
import org.kerma.dose.Quantity;
import org.kerma.dose.Unit;

/** Writes TID 10012 CT Accumulated Dose Data, the inverse of the reader's {@code CtAccumulatedDoseDataReader}. */
final class CtAccumulatedDoseDataWriter {
    private CtAccumulatedDoseDataWriter() {
    }

    static void write(ContentWriter root, CtAccumulatedDose a, int eventCount) {
        ContentWriter c = root.container("CONTAINS", DCM.CTAccumulatedDoseData);
        Quantity events = c.required(a.totalNumberOfIrradiationEvents(), DCM.TotalNumberOfIrradiationEvents,
                "mandatory in TID 10012 row 2");
        if (events.value() != eventCount) {
            throw new RdsrBuildException(c.nextPath(), ContentWriter.describe(DCM.TotalNumberOfIrradiationEvents)
                    + " is " + Quantity.of(events.value(), Unit.ONE) + " but the report has " + eventCount
                    + " CT acquisitions");
        }
        c.num("CONTAINS", DCM.TotalNumberOfIrradiationEvents, events, Unit.ONE, "{events}", true);
        c.num("CONTAINS", DCM.CTDoseLengthProductTotal, c.required(a.ctDoseLengthProductTotal(),
                DCM.CTDoseLengthProductTotal, "mandatory in TID 10012 row 3"), Unit.MILLIGRAY_CENTIMETRE, "mGy.cm",
                true);
        c.num("CONTAINS", DCM.CTEffectiveDoseTotal, a.ctEffectiveDoseTotal(), Unit.MILLISIEVERT, "mSv", true);
    }
}
