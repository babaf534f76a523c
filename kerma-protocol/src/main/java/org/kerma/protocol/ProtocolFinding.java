package org.kerma.protocol;

import java.util.Objects;

/**
 * Something wrong (or not understood) in a protocol object, and where: an item path such as
 * {@code AcquisitionProtocolElementSpecificationSequence[3].ParametersSpecificationSequence[2].SelectorSequencePointer}
 * (keywords of PS3.6, 1-based item numbers). Findings never stop reading.
 *
 * @param path    where in the data set; "" for the data set as a whole
 * @param message what is wrong, with the values involved
 */
public record ProtocolFinding(String path, String message) {

    public ProtocolFinding {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return path.isEmpty() ? message : path + ": " + message;
    }
}
