package org.kerma.dicom.charset;

import java.util.List;

/**
 * The ISO/IEC 2022 set-up that the terms of a Specific Character Set give (PS3.5 section 6.1.2.5): the sets
 * designated to G0 and G1 at the start of every value, line and delimited part, and the sets that escape
 * sequences may designate.
 *
 * @param initialG0 ISO-IR 6 or ISO-IR 14 (from Value 1; ISO-IR 6 when Value 1 is empty, unknown, or a
 *                  two-byte G0 set)
 * @param initialG1 the G1 set of Value 1, or {@code null} when G1 starts undefined
 * @param declared  the sets that may be designated, in the order of the terms; the candidates, in that order,
 *                  when an encoder chooses a set for a character that the current designations lack
 */
record CodeExtensions(GraphicSet initialG0, GraphicSet initialG1, List<GraphicSet> declared) {

    CodeExtensions {
        declared = List.copyOf(declared);
    }

    /**
     * True when the escape sequence of {@code set} may switch to it: it belongs to one of the terms, or it is
     * ESC ( B (ISO-IR 6), which every ISO 2022 term designates and which pydicom honours everywhere.
     */
    boolean allows(GraphicSet set) {
        return set == GraphicSet.ISO_IR_6 || declared.contains(set);
    }
}
