package org.kerma.tools.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Reads pydicom's generated {@code _uid_dict.py}: {@code UID_dictionary} (UID → (Name, Type, Info, Retired, Keyword)). */
public final class PydicomUidReader {
    private PydicomUidReader() {
    }

    /**
     * The UIDs in file order; the Info column (prose) is dropped.
     *
     * @throws IllegalArgumentException naming the file when its shape is not the expected one
     */
    public static List<PydicomUid> read(Path file) {
        Map<String, Object> module = PythonLiterals.parseModule(file.toString(), PydicomDictionaryReader.readText(file));
        List<PydicomUid> out = new ArrayList<>();
        for (Map.Entry<?, ?> e : PydicomDictionaryReader.dict(module, "UID_dictionary", file).entrySet()) {
            List<String> t = PydicomTuples.strings(e.getValue(), 5, file);
            out.add(new PydicomUid(String.valueOf(e.getKey()), t.get(0), t.get(1), t.get(3).equals("Retired"), t.get(4)));
        }
        return Collections.unmodifiableList(out);
    }
}
