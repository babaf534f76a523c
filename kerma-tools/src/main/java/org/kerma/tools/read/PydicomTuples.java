package org.kerma.tools.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Checks the shape of the tuples in pydicom's generated dictionaries. */
final class PydicomTuples {
    private PydicomTuples() {
    }

    /**
     * The value as a tuple of exactly {@code size} strings.
     *
     * @throws IllegalArgumentException naming the file and the value otherwise
     */
    static List<String> strings(Object value, int size, Path file) {
        if (!(value instanceof List) || ((List<?>) value).size() != size) {
            throw new IllegalArgumentException(file + ": expected a tuple of " + size + " strings, found " + value);
        }
        List<String> out = new ArrayList<>(size);
        for (Object item : (List<?>) value) {
            if (!(item instanceof String)) {
                throw new IllegalArgumentException(file + ": expected strings, found " + value);
            }
            out.add((String) item);
        }
        return out;
    }
}
