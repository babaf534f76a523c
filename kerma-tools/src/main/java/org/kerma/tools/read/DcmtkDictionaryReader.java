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
import java.util.Optional;
import java.util.TreeMap;

/**
 * Reads DCMTK's public data dictionary {@code dcmdata/data/dicom.dic}: tab-separated lines
 * {@code (gggg,eeee) VR Keyword VM Version}, '#' comments.
 *
 * <p>Keeps the rows whose Version is {@code DICOM} or {@code DICOM/retired}; rows of DICONDE, DICOS and DCMTK's
 * helper rows (GENERIC, ILLEGAL, PRIVATE) are counted in {@link Result#skipped()} and their tags kept in
 * {@link Result#skippedTags()} (so a cross-check can tell "absent" from "not DICOM proper"). Ranges such as
 * {@code (6000-60FF,3000)} and {@code (0020,3100-31FF)} become {@link TagPattern} masks.
 */
public final class DcmtkDictionaryReader {
    private static final String RETIRED_PREFIX = "RETIRED_";

    /**
     * What was read.
     *
     * @param attributes  the DICOM rows, in file order
     * @param skipped     how many rows were skipped, by Version
     * @param skippedTags the single tags of the skipped rows
     */
    public record Result(List<DcmtkAttribute> attributes, Map<String, Integer> skipped, List<Integer> skippedTags) {
    }

    private DcmtkDictionaryReader() {
    }

    /**
     * Reads the file.
     *
     * @throws IllegalArgumentException naming file and line for a malformed row
     */
    public static Result read(Path file) {
        List<String> lines = readLines(file);
        List<DcmtkAttribute> attributes = new ArrayList<>();
        Map<String, Integer> skipped = new TreeMap<>();
        List<Integer> skippedTags = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = fields(line);
            if (f.length != 5) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": expected 5 tab-separated fields");
            }
            String version = f[4];
            if (!version.equals("DICOM") && !version.equals("DICOM/retired")) {
                skipped.merge(version, 1, Integer::sum);
                singleTag(f[0]).ifPresent(skippedTags::add);
                continue;
            }
            try {
                attributes.add(attribute(f));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new Result(Collections.unmodifiableList(attributes), Collections.unmodifiableMap(skipped),
                Collections.unmodifiableList(skippedTags));
    }

    private static DcmtkAttribute attribute(String[] f) {
        boolean retired = f[4].equals("DICOM/retired");
        String keyword = f[2].startsWith(RETIRED_PREFIX) ? f[2].substring(RETIRED_PREFIX.length()) : f[2];
        return new DcmtkAttribute(parseTag(f[0]), keyword, DcmtkVr.toVrs(f[1]), f[1], f[3], retired);
    }

    /**
     * Parses "(gggg,eeee)", "(gggg-gggg,eeee)" or "(gggg,eeee-eeee)". DCMTK's "-o-" and "-u-" ranges only occur
     * in helper rows and are rejected here.
     */
    static TagPattern parseTag(String text) {
        if (!text.startsWith("(") || !text.endsWith(")") || text.indexOf(',') < 0) {
            throw new IllegalArgumentException("not a tag: " + text);
        }
        String inner = text.substring(1, text.length() - 1);
        int comma = inner.indexOf(',');
        return TagPattern.of(part(inner.substring(0, comma)), part(inner.substring(comma + 1)));
    }

    private static TagPattern part(String text) {
        String[] bounds = text.split("-", -1);
        if (bounds.length == 1) {
            return new TagPattern(hex4(bounds[0]), 0xFFFF);
        }
        if (bounds.length == 2) {
            return TagPattern.ofRange(hex4(bounds[0]), hex4(bounds[1]));
        }
        throw new IllegalArgumentException("unsupported tag range '" + text + "'");
    }

    private static int hex4(String text) {
        if (text.length() != 4) {
            throw new IllegalArgumentException("not four hex digits: '" + text + "'");
        }
        return Integer.parseInt(text, 16);
    }

    private static Optional<Integer> singleTag(String text) {
        try {
            TagPattern p = parseTag(text);
            return p.isSingle() ? Optional.of(p.tag()) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The non-empty tab-separated fields of a line (the header comments align columns with several tabs). */
    static String[] fields(String line) {
        List<String> out = new ArrayList<>(6);
        for (String f : line.split("\t")) {
            if (!f.isEmpty()) {
                out.add(f.trim());
            }
        }
        return out.toArray(new String[0]);
    }

    static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
