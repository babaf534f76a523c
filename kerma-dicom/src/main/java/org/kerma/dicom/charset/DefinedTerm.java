package org.kerma.dicom.charset;

import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Defined Terms of Specific Character Set (0008,0005), PS3.3 section C.12.1.1.2, with the graphic sets each one
 * designates (Tables C.12-2 to C.12-4) or, for the three that forbid code extensions (Table C.12-5), the Java charset
 * that encodes them.
 *
 * <p>"ISO_IR 6" is not a Defined Term (the default repertoire is an empty value) but is common in real files and is
 * accepted as the default, as pydicom accepts it.
 */
enum DefinedTerm {
    ISO_IR_6("ISO_IR 6", GraphicSet.ISO_IR_6, null),
    ISO_IR_100("ISO_IR 100", GraphicSet.ISO_IR_6, GraphicSet.ISO_IR_100),
    ISO_IR_101("ISO_IR 101", GraphicSet.ISO_IR_6, GraphicSet.ISO_IR_101),
    ISO_IR_109("ISO_IR 109", GraphicSet.ISO_IR_6, GraphicSet.ISO_IR_109),
    ISO_IR_110("ISO_IR 110", GraphicSet.ISO_IR_6, GraphicSet.ISO_IR_110),
    ISO_IR_144("ISO_IR 144", GraphicSet.ISO_IR_6, GraphicSet.ISO_IR_144),
    ISO_IR_127("ISO_IR 127", GraphicSet.ISO_IR_6, GraphicSet.ISO_IR_127),
    ISO_IR_126("ISO_IR 126", GraphicSet.ISO_IR_6, GraphicSet.ISO_IR_126),
    ISO_IR_138("ISO_IR 138", GraphicSet.ISO_IR_6, GraphicSet.ISO_IR_138),
    ISO_IR_148("ISO_IR 148", GraphicSet.ISO_IR_6, GraphicSet.ISO_IR_148),
    ISO_IR_203("ISO_IR 203", GraphicSet.ISO_IR_6, GraphicSet.ISO_IR_203),
    ISO_IR_13("ISO_IR 13", GraphicSet.ISO_IR_14, GraphicSet.ISO_IR_13),
    ISO_IR_166("ISO_IR 166", GraphicSet.ISO_IR_6, GraphicSet.ISO_IR_166),

    ISO_2022_IR_6("ISO 2022 IR 6", GraphicSet.ISO_IR_6, null),
    ISO_2022_IR_100("ISO 2022 IR 100", GraphicSet.ISO_IR_6, GraphicSet.ISO_IR_100),
    ISO_2022_IR_101("ISO 2022 IR 101", GraphicSet.ISO_IR_6, GraphicSet.ISO_IR_101),
    ISO_2022_IR_109("ISO 2022 IR 109", GraphicSet.ISO_IR_6, GraphicSet.ISO_IR_109),
    ISO_2022_IR_110("ISO 2022 IR 110", GraphicSet.ISO_IR_6, GraphicSet.ISO_IR_110),
    ISO_2022_IR_144("ISO 2022 IR 144", GraphicSet.ISO_IR_6, GraphicSet.ISO_IR_144),
    ISO_2022_IR_127("ISO 2022 IR 127", GraphicSet.ISO_IR_6, GraphicSet.ISO_IR_127),
    ISO_2022_IR_126("ISO 2022 IR 126", GraphicSet.ISO_IR_6, GraphicSet.ISO_IR_126),
    ISO_2022_IR_138("ISO 2022 IR 138", GraphicSet.ISO_IR_6, GraphicSet.ISO_IR_138),
    ISO_2022_IR_148("ISO 2022 IR 148", GraphicSet.ISO_IR_6, GraphicSet.ISO_IR_148),
    ISO_2022_IR_203("ISO 2022 IR 203", GraphicSet.ISO_IR_6, GraphicSet.ISO_IR_203),
    ISO_2022_IR_13("ISO 2022 IR 13", GraphicSet.ISO_IR_14, GraphicSet.ISO_IR_13),
    ISO_2022_IR_166("ISO 2022 IR 166", GraphicSet.ISO_IR_6, GraphicSet.ISO_IR_166),

    ISO_2022_IR_87("ISO 2022 IR 87", GraphicSet.ISO_IR_87, null),
    ISO_2022_IR_159("ISO 2022 IR 159", GraphicSet.ISO_IR_159, null),
    ISO_2022_IR_149("ISO 2022 IR 149", null, GraphicSet.ISO_IR_149),
    ISO_2022_IR_58("ISO 2022 IR 58", null, GraphicSet.ISO_IR_58),

    ISO_IR_192("ISO_IR 192", "UTF-8"),
    GB18030("GB18030", "GB18030"),
    GBK("GBK", "GBK");

    private static final Map<String, DefinedTerm> BY_TERM = byTerm();

    private final String term;
    private final GraphicSet g0;
    private final GraphicSet g1;
    private final String standAloneCharset;

    DefinedTerm(String term, GraphicSet g0, GraphicSet g1) {
        this.term = term;
        this.g0 = g0;
        this.g1 = g1;
        this.standAloneCharset = null;
    }

    DefinedTerm(String term, String standAloneCharset) {
        this.term = term;
        this.g0 = null;
        this.g1 = null;
        this.standAloneCharset = standAloneCharset;
    }

    /** The term as (0008,0005) spells it. */
    String term() {
        return term;
    }

    /** The set this term designates to G0, or {@code null}. */
    GraphicSet g0() {
        return g0;
    }

    /** The set this term designates to G1, or {@code null}. */
    GraphicSet g1() {
        return g1;
    }

    /** True for the terms that forbid code extensions: ISO_IR 192, GB18030, GBK (PS3.3 Table C.12-5). */
    boolean isStandAlone() {
        return standAloneCharset != null;
    }

    /**
     * The charset of a term that forbids code extensions, or {@code null}. Looked up when asked for, so that a
     * Java runtime without the jdk.charsets module fails only on GB18030 or GBK data, not on every data set.
     *
     * @throws java.nio.charset.UnsupportedCharsetException if this Java runtime lacks the charset
     */
    Charset standAlone() {
        return standAloneCharset == null ? null : Charset.forName(standAloneCharset);
    }

    /** The graphic sets this term brings into a code extension, G0 first. */
    List<GraphicSet> sets() {
        if (g0 == null) {
            return g1 == null ? List.of() : List.of(g1);
        }
        return g1 == null ? List.of(g0) : List.of(g0, g1);
    }

    /** The Defined Term spelled exactly {@code term}, or {@code null}. */
    static DefinedTerm exactly(String term) {
        return BY_TERM.get(term);
    }

    /**
     * The Defined Term meant by {@code term}: spelled exactly, or with the separators that pydicom also repairs
     * ("ISO IR 100" or "ISO-IR 100" for "ISO_IR 100"; "ISO_2022_IR_87" or "ISO 2022-IR 87" for "ISO 2022 IR 87").
     * {@code null} when none is meant.
     */
    static DefinedTerm meant(String term) {
        DefinedTerm exact = BY_TERM.get(term);
        if (exact != null) {
            return exact;
        }
        String repaired = repairedSeparators(term);
        return repaired == null ? null : BY_TERM.get(repaired);
    }

    private static String repairedSeparators(String term) {
        if (term.length() >= 6 && term.startsWith("ISO") && term.charAt(3) != '_' && term.startsWith("IR", 4)) {
            return "ISO_IR" + term.substring(6);
        }
        if (term.length() >= 12 && term.startsWith("ISO") && term.startsWith("2022", 4) && term.startsWith("IR", 9)
                && !term.startsWith("ISO 2022 IR ")) {
            return "ISO 2022 IR " + term.substring(12);
        }
        return null;
    }

    private static Map<String, DefinedTerm> byTerm() {
        Map<String, DefinedTerm> map = new HashMap<>();
        for (DefinedTerm t : values()) {
            map.put(t.term, t);
        }
        return Map.copyOf(map);
    }
}
