package org.kerma.tools.read;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.kerma.dicom.VR;

/**
 * Reads pydicom's generated {@code _dicom_dict.py}: {@code DicomDictionary} (int tag → (VR, VM, Name, Retired,
 * Keyword)) and {@code RepeatersDictionary} (mask string such as '60xx3000' → the same tuple).
 */
public final class PydicomDictionaryReader {
    private PydicomDictionaryReader() {
    }

    /**
     * The single tags and the repeating groups, each in file order.
     *
     * @throws IllegalArgumentException naming the file when its shape is not the expected one
     */
    public static List<PydicomAttribute> read(Path file) {
        Map<String, Object> module = PythonLiterals.parseModule(file.toString(), readText(file));
        List<PydicomAttribute> out = new ArrayList<>();
        for (Map.Entry<?, ?> e : dict(module, "DicomDictionary", file).entrySet()) {
            if (!(e.getKey() instanceof Long)) {
                throw new IllegalArgumentException(file + ": DicomDictionary key is not an int: " + e.getKey());
            }
            long tag = (Long) e.getKey();
            out.add(attribute(new TagPattern((int) tag, 0xFFFFFFFF), e.getValue(), file));
        }
        for (Map.Entry<?, ?> e : dict(module, "RepeatersDictionary", file).entrySet()) {
            out.add(attribute(TagPattern.parse(String.valueOf(e.getKey())), e.getValue(), file));
        }
        return Collections.unmodifiableList(out);
    }

    private static PydicomAttribute attribute(TagPattern pattern, Object value, Path file) {
        List<String> t = PydicomTuples.strings(value, 5, file);
        return new PydicomAttribute(pattern, vrs(t.get(0)), t.get(1), t.get(2), t.get(3).equals("Retired"), t.get(4));
    }

    /**
     * pydicom's VR text as a list: "US or SS or OW" → [US, SS, OW]; "NONE" → [].
     *
     * @throws IllegalArgumentException for an unknown VR
     */
    public static List<VR> vrs(String text) {
        if (text.equals("NONE")) {
            return List.of();
        }
        List<VR> out = new ArrayList<>(3);
        for (String code : text.split(" or ")) {
            VR vr = VR.ofName(code.trim());
            if (vr == null) {
                throw new IllegalArgumentException("unknown pydicom VR '" + text + "'");
            }
            out.add(vr);
        }
        return List.copyOf(out);
    }

    static Map<?, ?> dict(Map<String, Object> module, String name, Path file) {
        Object value = module.get(name);
        if (!(value instanceof Map)) {
            throw new IllegalArgumentException(file + ": no dict named " + name);
        }
        return (Map<?, ?>) value;
    }

    static String readText(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
