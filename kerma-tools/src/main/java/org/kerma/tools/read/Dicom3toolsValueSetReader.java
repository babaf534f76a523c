package org.kerma.tools.read;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads dicom3tools' value sets: {@code strval/*.tpl} ({@code StringValues="Name" { VALUE = meaning, ... }}) and
 * {@code binval.tpl} ({@code BinaryValues="Name" { 0x0001 = meaning, ... }}). Only the values are kept; the meanings
 * are descriptive text and are dropped, and so are bit maps ({@code BinaryBitMap=}). {@code ***EMPTYVALUE***} stands for the empty value.
 */
public final class Dicom3toolsValueSetReader {
    private static final Pattern START = Pattern.compile("(StringValues|BinaryValues)=\"([^\"]+)\"\\s*\\{\\s*");
    private static final String EMPTY = "***EMPTYVALUE***";

    private Dicom3toolsValueSetReader() {
    }

    /**
     * One named value set.
     *
     * @param kind   "string" or "binary"
     * @param name   the set's name as module templates reference it
     * @param values the values in file order (binary ones as written, e.g. {@code 0x0001})
     */
    public record ValueSet(String kind, String name, List<String> values) {
    }

    /**
     * The value sets of the files, by name; a later file's set of the same kind and name is an error.
     *
     * @throws IllegalArgumentException naming file and line for a malformed or duplicate set
     */
    public static Map<String, ValueSet> read(List<Path> files) {
        Map<String, ValueSet> sets = new LinkedHashMap<>();
        for (Path file : files) {
            List<String> lines = DcmtkDictionaryReader.readLines(file);
            ValueSet open = null;
            boolean bitMap = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = Dicom3toolsTemplateReader.stripComment(lines.get(i)).trim();
                String where = file.getFileName() + ":" + (i + 1);
                if (line.isEmpty()) {
                    continue;
                }
                if (bitMap) {
                    bitMap = !line.equals("}");
                    continue;
                }
                if (open == null) {
                    Matcher m = START.matcher(line);
                    if (m.matches()) {
                        String kind = m.group(1).startsWith("String") ? "string" : "binary";
                        open = new ValueSet(kind, m.group(2), new ArrayList<>());
                        if (sets.putIfAbsent(kind + ":" + open.name(), open) != null) {
                            throw new IllegalArgumentException(where + ": value set " + open.name() + " twice");
                        }
                    } else if (line.startsWith("BinaryBitMap=")) {
                        bitMap = true;
                    } else {
                        throw new IllegalArgumentException(where + ": expected a value set, found: " + line);
                    }
                    continue;
                }
                if (line.equals("}")) {
                    open = null;
                    continue;
                }
                String value = line.endsWith(",") ? line.substring(0, line.length() - 1) : line;
                int eq = value.indexOf('=');
                value = (eq < 0 ? value : value.substring(0, eq)).trim();
                open.values().add(value.equals(EMPTY) ? "" : value);
            }
        }
        Map<String, ValueSet> frozen = new LinkedHashMap<>();
        sets.forEach((k, v) -> frozen.put(k, new ValueSet(v.kind(), v.name(), List.copyOf(v.values()))));
        return frozen;
    }
}
