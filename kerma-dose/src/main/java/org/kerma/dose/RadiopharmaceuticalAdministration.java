package org.kerma.dose;

import java.time.LocalDateTime;
import java.util.Optional;
import org.kerma.dicom.Code;

/**
 * One Radiopharmaceutical Administration (PS3.16 TID 10021 Radiopharmaceutical Radiation Dose, TID 10022
 * Radiopharmaceutical Administration Event Data), as far as the administered activity and agent.
 *
 * @param path                   content item path of the container (113502)
 * @param agent                  Radiopharmaceutical agent (349358000)
 * @param radionuclide           Radionuclide (89457008)
 * @param halfLife               Radionuclide Half Life (304283002), s
 * @param administrationEventUid Radiopharmaceutical Administration Event UID (113503)
 * @param start                  Radiopharmaceutical Start DateTime (123003)
 * @param stop                   Radiopharmaceutical Stop DateTime (123004)
 * @param administeredActivity   Administered activity (113507), MBq
 * @param routeOfAdministration  Route of administration (410675002)
 * @param effectiveDose          Effective Dose (113839) of the report, mSv
 */
public record RadiopharmaceuticalAdministration(String path, Optional<Code> agent, Optional<Code> radionuclide,
        Optional<Quantity> halfLife, Optional<String> administrationEventUid, Optional<LocalDateTime> start,
        Optional<LocalDateTime> stop, Optional<Quantity> administeredActivity, Optional<Code> routeOfAdministration,
        Optional<Quantity> effectiveDose) {
}
