package org.kerma.dicom.sr;

import java.util.Optional;
import java.util.OptionalDouble;
import org.kerma.dicom.Code;

/**
 * The value of a NUM content item (PS3.3 section C.18.1, Numeric Measurement Macro): the Numeric Value (0040,A30A)
 * text as written, its decimal reading, the Measurement Units Code Sequence (0040,08EA) and the Numeric Value
 * Qualifier Code Sequence (0040,A301).
 *
 * @param text      Numeric Value as written (trimmed), empty when absent or empty (a qualifier then says why)
 * @param value     the decimal reading of {@code text}: Floating Point Value (0040,A161) when present, else the DS
 *                  text; empty when absent or when the text is not a decimal number
 * @param units     the units code; empty when the item has none (which the standard does not allow)
 * @param qualifier why the value is special or missing (CID 42), when given
 */
public record NumericValue(String text, OptionalDouble value, Optional<Code> units, Optional<Code> qualifier) {
}
