package org.kerma.dicom;

import java.util.Objects;
import java.util.Optional;

/**
 * A coded concept (PS3.3 section 8.8, Code Sequence Macro): a code value in a coding scheme, with a meaning for display.
 *
 * <p>Two codes are equal when their value and coding scheme designator are equal; the meaning and the scheme version
 * take no part (DESIGN.md: compare codes by value and scheme, never by meaning). Equivalences between schemes (such as
 * a legacy SRT code and its SNOMED CT successor) are not applied here: that is a decision of whoever reads the codes.
 *
 * @param value         the code value: Code Value (0008,0100), Long Code Value (0008,0119) or URN Code Value
 *                      (0008,0120), whichever the item carries; never empty
 * @param scheme        Coding Scheme Designator (0008,0102), e.g. "DCM", "SCT", "UCUM"; empty for a URN code
 * @param meaning       Code Meaning (0008,0104), for display only; may be empty
 * @param schemeVersion Coding Scheme Version (0008,0103), empty when absent
 */
public record Code(String value, String scheme, String meaning, String schemeVersion) {

    public Code {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(meaning, "meaning");
        Objects.requireNonNull(schemeVersion, "schemeVersion");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("a code needs a code value (scheme '" + scheme + "', meaning '"
                    + meaning + "')");
        }
    }

    /** A code without a scheme version. */
    public Code(String value, String scheme, String meaning) {
        this(value, scheme, meaning, "");
    }

    /**
     * Reads the Code Sequence Macro attributes of one item. Empty when the item has no code value in any of the
     * three forms; a value with surrounding spaces is trimmed.
     */
    public static Optional<Code> from(DicomObject item) {
        String value = firstNonEmpty(item, Tag.CodeValue, Tag.LongCodeValue, Tag.URNCodeValue);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Code(value,
                item.getString(Tag.CodingSchemeDesignator, "").trim(),
                item.getString(Tag.CodeMeaning, "").trim(),
                item.getString(Tag.CodingSchemeVersion, "").trim()));
    }

    /**
     * Writes this code into an item: the value goes into Code Value when it fits its 16 characters (SH), into Long
     * Code Value otherwise, and into URN Code Value when the code has no scheme.
     */
    public DicomObject writeTo(DicomObject item) {
        if (scheme.isEmpty()) {
            item.setString(Tag.URNCodeValue, value);
        } else {
            item.setString(value.length() <= 16 ? Tag.CodeValue : Tag.LongCodeValue, value);
            item.setString(Tag.CodingSchemeDesignator, scheme);
            if (!schemeVersion.isEmpty()) {
                item.setString(Tag.CodingSchemeVersion, schemeVersion);
            }
        }
        item.setString(Tag.CodeMeaning, meaning);
        return item;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Code c && value.equals(c.value) && scheme.equals(c.scheme);
    }

    @Override
    public int hashCode() {
        return 31 * value.hashCode() + scheme.hashCode();
    }

    /** The conventional triplet form, e.g. {@code (113813, DCM, "DLP Total")}. */
    @Override
    public String toString() {
        return "(" + value + ", " + scheme + ", \"" + meaning + "\")";
    }

    private static String firstNonEmpty(DicomObject item, int... tags) {
        for (int tag : tags) {
            String v = item.getString(tag, "").trim();
            if (!v.isEmpty()) {
                return v;
            }
        }
        return "";
    }
}
