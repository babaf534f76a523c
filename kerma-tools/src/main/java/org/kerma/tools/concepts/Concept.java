package org.kerma.tools.concepts;

import java.util.List;

/**
 * One entry of pydicom's concept dictionary.
 *
 * @param scheme  coding scheme designator, e.g. "DCM"
 * @param keyword pydicom's keyword, a Java name, e.g. "CTDoseLengthProductTotal"
 * @param value   code value, e.g. "113813"
 * @param meaning code meaning
 * @param cids    the context groups that hold the concept (may be empty)
 */
record Concept(String scheme, String keyword, String value, String meaning, List<Long> cids) {
}
