package org.kerma.dose.reference;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What a study is judged on: its date, modalities, the texts that say what exam it was (Study Description, the
 * acquisition protocols of its events and images, Requested Procedure descriptions), its devices, and its dose
 * values in canonical units.
 *
 * @param texts   the descriptive texts exam and rule patterns are matched against
 * @param devices manufacturer, model, serial and station of the devices, as one text per device
 */
public record StudyExposure(String studyInstanceUid, Optional<LocalDate> studyDate, Set<String> modalities,
                            List<String> texts, List<String> devices, Map<DoseQuantity, Double> values) {

    public StudyExposure {
        modalities = Set.copyOf(modalities);
        texts = List.copyOf(texts);
        devices = List.copyOf(devices);
        values = Map.copyOf(values);
    }

    /** The study's value of {@code quantity}, empty when it has none. */
    public OptionalDouble value(DoseQuantity quantity) {
        Double v = values.get(quantity);
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
