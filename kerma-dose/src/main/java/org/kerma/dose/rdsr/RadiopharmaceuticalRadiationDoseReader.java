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
 * agent (with its Radionuclide and Radionuclide Half Life properties), the administered activity and the
 * report's effective dose.
 */
final class RadiopharmaceuticalRadiationDoseReader {
    private RadiopharmaceuticalRadiationDoseReader() {
    }

    static List<RadiopharmaceuticalAdministration> read(ContentItem root, ReadContext ctx) {
        List<RadiopharmaceuticalAdministration> list = new ArrayList<>();
        for (ContentItem a : ctx.children(root, DCM.RadiopharmaceuticalAdministration)) {
            Optional<Quantity> effective = ctx.quantity(a, DCM.EffectiveDose, Unit.MILLISIEVERT);
            Optional<ContentItem> agent = ctx.child(a, SCT.Radiopharmaceuticals);
            list.add(new RadiopharmaceuticalAdministration(a.path().toString(), agent.flatMap(ctx::code),
                    agent.flatMap(i -> ctx.childCode(i, SCT.RadioactiveIsotope)),
                    agent.flatMap(i -> ctx.childQuantity(i, SCT.HalfLifeOfRadiopharmaceutical, Unit.SECOND)),
                    ctx.childUid(a, DCM.RadiopharmaceuticalAdministrationEventUID),
                    ctx.childDateTime(a, DCM.RadiopharmaceuticalStartDatetime),
                    ctx.childDateTime(a, DCM.RadiopharmaceuticalStopDatetime),
                    ctx.childQuantity(a, DCM.AdministeredActivity, Unit.MEGABECQUEREL),
                    ctx.childCode(a, SCT.RouteOfAdministration), effective));
        }
        return list;
    }
}
