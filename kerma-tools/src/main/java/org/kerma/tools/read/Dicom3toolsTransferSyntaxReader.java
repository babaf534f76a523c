package org.kerma.tools.read;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads dicom3tools' {@code libsrc/standard/transyn.tpl}: one line per transfer syntax of {@code Key="Value"} pairs
 * (Name, Desc, Uid, Endian, VR, Encap, ...). Several names may share one UID (aliases such as "Default" for Implicit
 * VR Little Endian); the first line for a UID is kept and an alias whose properties differ is an error.
 */
public final class Dicom3toolsTransferSyntaxReader {
    private Dicom3toolsTransferSyntaxReader() {
    }

    /**
     * The transfer syntaxes by UID, in file order.
     *
     * @throws IllegalArgumentException naming file and line for a malformed line or contradicting aliases
     */
    public static Map<String, Dicom3toolsTransferSyntax> read(Path file) {
        List<String> lines = DcmtkDictionaryReader.readLines(file);
        Map<String, Dicom3toolsTransferSyntax> byUid = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            try {
                Dicom3toolsTransferSyntax ts = syntax(TemplateLine.parse(line));
                Dicom3toolsTransferSyntax earlier = byUid.putIfAbsent(ts.uid(), ts);
                if (earlier != null && !sameTraits(earlier, ts)) {
                    throw new IllegalArgumentException("alias of " + ts.uid() + " with other properties");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return Collections.unmodifiableMap(byUid);
    }

    private static Dicom3toolsTransferSyntax syntax(Map<String, String> f) {
        return new Dicom3toolsTransferSyntax(required(f, "Uid"), f.getOrDefault("Desc", ""),
                oneOf(f, "VR", "explicit", "implicit"), oneOf(f, "Endian", "big", "little"),
                oneOf(f, "Encap", "yes", "no"));
    }

    private static boolean sameTraits(Dicom3toolsTransferSyntax a, Dicom3toolsTransferSyntax b) {
        return a.explicitVr() == b.explicitVr() && a.bigEndian() == b.bigEndian()
                && a.encapsulated() == b.encapsulated();
    }

    private static String required(Map<String, String> f, String key) {
        String v = f.get(key);
        if (v == null) {
            throw new IllegalArgumentException("missing " + key + "=");
        }
        return v;
    }

    /** True for {@code yes}, false for {@code no}; anything else is an error. */
    private static boolean oneOf(Map<String, String> f, String key, String yes, String no) {
        String v = required(f, key);
        if (v.equals(yes)) {
            return true;
        }
        if (v.equals(no)) {
            return false;
        }
        throw new IllegalArgumentException(key + "=\"" + v + "\" is neither " + yes + " nor " + no);
    }
}
