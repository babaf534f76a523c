package org.kerma.dose.rdsr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kerma.dicom.sr.Concepts.DCM;
import org.kerma.dicom.sr.Concepts.SCT;
import org.kerma.dicom.sr.ContentItem;
import org.kerma.dose.Quantity;
import org.kerma.dose.RadiopharmaceuticalAdministration;
import org.kerma.dose.Unit;

/**
 * Reads the Radiopharmaceutical Administration containers of PS3.16 TID 10021 (TID 10022 event data) as far as the
 * agent, radionuclide and administered activity, with the report's effective dose.
 */
final class RadiopharmaceuticalRadiationDoseReader {
    private RadiopharmaceuticalRadiationDoseReader() {
    }

    static List<RadiopharmaceuticalAdministration> read(ContentItem root, ReadContext ctx) {
        List<RadiopharmaceuticalAdministration> list = new ArrayList<>();
        for (ContentItem a : ctx.children(root, DCM.RadiopharmaceuticalAdministration)) {
            Optional<Quantity> effective = ctx.quantity(a, DCM.EffectiveDose, Unit.MILLISIEVERT);
            list.add(new RadiopharmaceuticalAdministration(a.path().toString(),
                    ctx.childCode(a, SCT.Radiopharmaceuticals), ctx.childCode(a, SCT.RadioactiveIsotope),
                    ctx.childQuantity(a, SCT.HalfLifeOfRadiopharmaceutical, Unit.SECOND),
                    ctx.childUid(a, DCM.RadiopharmaceuticalAdministrationEventUID),
                    ctx.childDateTime(a, DCM.RadiopharmaceuticalStartDatetime),
                    ctx.childDateTime(a, DCM.RadiopharmaceuticalStopDatetime),
                    ctx.childQuantity(a, DCM.AdministeredActivity, Unit.MEGABECQUEREL),
                    ctx.childCode(a, SCT.RouteOfAdministration), effective));
        }
        return list;
    }
}
