package org.kerma.dose;

import java.util.Optional;

/**
 * CT Accumulated Dose Data (PS3.16 TID 10012).
 *
 * @param path                           content item path of the container
 * @param totalNumberOfIrradiationEvents Total Number of Irradiation Events (113812)
 * @param ctDoseLengthProductTotal       CT Dose Length Product Total (113813), mGy·cm
 * @param ctEffectiveDoseTotal           CT Effective Dose Total (113814), mSv
 */
public record CtAccumulatedDose(String path, Optional<Quantity> totalNumberOfIrradiationEvents,
        Optional<Quantity> ctDoseLengthProductTotal, Optional<Quantity> ctEffectiveDoseTotal) {
}
