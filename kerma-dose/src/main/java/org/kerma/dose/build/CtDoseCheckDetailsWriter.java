package org.kerma.dose.build;

import java.util.Optional;
import org.kerma.dicom.Code;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.sr.Concepts.DCM;
import org.kerma.dicom.sr.Concepts.SCT;
import org.kerma.dose.CtIrradiationEvent.CtDoseCheckDetails;
import org.kerma.dose.Quantity;
import org.kerma.dose.Unit;

/**
 * Writes TID 10015 CT Dose Check Details inside a CT Dose container: the Dose Check Alert Details (113900) and Dose
 * Check Notification Details (113908) containers, each written when any of its values is known. A value configured
 * (Yes) requires the value and its forward estimate (rows 4–7, 13–16); the person who authorised proceeding is
 * written as TID 1020 Person Name (113870) with its Person Role in Procedure.
 */
final class CtDoseCheckDetailsWriter {
    private static final String C = "CONTAINS";

    private CtDoseCheckDetailsWriter() {
    }

    static void write(ContentWriter dose, CtDoseCheckDetails d) {
        if (d.dlpAlertValueConfigured().isPresent() || d.ctdivolAlertValueConfigured().isPresent()) {
            ContentWriter a = dose.container(C, DCM.DoseCheckAlertDetails);
            part(a, "alert", d.dlpAlertValueConfigured(), d.ctdivolAlertValueConfigured(), DCM.DLPAlertValueConfigured,
                    DCM.CtdivolAlertValueConfigured, DCM.DLPAlertValue, d.dlpAlertValue(), DCM.CtdivolAlertValue,
                    d.ctdivolAlertValue(), DCM.AccumulatedDLPForwardEstimate, d.accumulatedDlpForwardEstimate(),
                    DCM.AccumulatedCtdivolForwardEstimate, d.accumulatedCtdivolForwardEstimate());
            a.text(C, DCM.ReasonForProceeding, d.alertReasonForProceeding());
            person(a, d.alertPersonName());
        }
        if (d.dlpNotificationValueConfigured().isPresent() || d.ctdivolNotificationValueConfigured().isPresent()) {
            ContentWriter n = dose.container(C, DCM.DoseCheckNotificationDetails);
            part(n, "notification", d.dlpNotificationValueConfigured(), d.ctdivolNotificationValueConfigured(),
                    DCM.DLPNotificationValueConfigured, DCM.CtdivolNotificationValueConfigured,
                    DCM.DLPNotificationValue, d.dlpNotificationValue(), DCM.CtdivolNotificationValue,
                    d.ctdivolNotificationValue(), DCM.DLPForwardEstimate, d.dlpForwardEstimate(),
                    DCM.CtdivolForwardEstimate, d.ctdivolForwardEstimate());
            n.text(C, DCM.ReasonForProceeding, d.notificationReasonForProceeding());
            person(n, d.notificationPersonName());
        }
    }

    private static void part(ContentWriter w, String which, Optional<Boolean> dlpConfigured,
            Optional<Boolean> ctdivolConfigured, Code dlpConfiguredName, Code ctdivolConfiguredName, Code dlpName,
            Optional<Quantity> dlp, Code ctdivolName, Optional<Quantity> ctdivol, Code dlpEstimateName,
            Optional<Quantity> dlpEstimate, Code ctdivolEstimateName, Optional<Quantity> ctdivolEstimate) {
        boolean dlpOn = w.required(dlpConfigured, dlpConfiguredName, "mandatory in the dose check " + which
                + " details of TID 10015");
        boolean ctdivolOn = w.required(ctdivolConfigured, ctdivolConfiguredName, "mandatory in the dose check "
                + which + " details of TID 10015");
        w.code(C, dlpConfiguredName, dlpOn ? SCT.Yes : SCT.No);
        w.code(C, ctdivolConfiguredName, ctdivolOn ? SCT.Yes : SCT.No);
        String rule = "required by TID 10015 when the value is configured";
        w.num(C, dlpName, dlpOn ? Optional.of(w.required(dlp, dlpName, rule)) : dlp, Unit.MILLIGRAY_CENTIMETRE,
                "mGy.cm", true);
        w.num(C, ctdivolName, ctdivolOn ? Optional.of(w.required(ctdivol, ctdivolName, rule)) : ctdivol,
                Unit.MILLIGRAY, "mGy", true);
        w.num(C, dlpEstimateName, dlpOn ? Optional.of(w.required(dlpEstimate, dlpEstimateName, rule)) : dlpEstimate,
                Unit.MILLIGRAY_CENTIMETRE, "mGy.cm", true);
        w.num(C, ctdivolEstimateName, ctdivolOn ? Optional.of(w.required(ctdivolEstimate, ctdivolEstimateName, rule))
                : ctdivolEstimate, Unit.MILLIGRAY, "mGy", true);
    }

    /**
     * TID 1020 Person Participant, included by TID 10015 with {@code $Procedure Role} = (113850, DCM, "Irradiation
     * Authorizing"): the Person Name and its mandatory Person Role in Procedure child carrying that role.
     */
    private static void person(ContentWriter w, Optional<String> name) {
        name.filter(n -> !n.isEmpty()).ifPresent(n -> {
            DicomObject item = w.add("CONTAINS", "PNAME", DCM.PersonName);
            item.setString(Tag.PersonName, n);
            w.lastChild().code("HAS PROPERTIES", DCM.PersonRoleInProcedure, DCM.IrradiationAuthorizing);
        });
    }
}
