package org.kerma.tools.concepts;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.kerma.tools.read.PythonLiterals;

/**
 * Reads the SNOMED-RT → SNOMED CT map of pydicom's {@code sr/_snomed_dict.py} ({@code mapping["SRT"] = {srt: sct}}).
 */
final class PydicomSnomedReader {
    private PydicomSnomedReader() {
    }

    /** SRT code value → SCT code value, sorted by SRT code. */
    static Map<String, String> read(Path file) {
        Map<String, Object> module = PythonLiterals.parseModule(file.toString(),
                PydicomConceptsReader.rewrite(PydicomConceptsReader.readText(file)));
        Object srt = module.get("mapping__SRT");
        if (!(srt instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(file + ": no mapping[\"SRT\"] dictionary");
        }
        Map<String, String> result = new TreeMap<>();
        map.forEach((k, v) -> result.put((String) k, (String) v));
        return result;
    }
}
