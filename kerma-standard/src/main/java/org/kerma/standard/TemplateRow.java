package org.kerma.standard;

import java.util.Optional;
import org.kerma.dicom.Code;

/**
 * One row of an SR template (PS3.16): a content item, or the inclusion of another template.
 *
 * @param row            the row number as the template writes it ("1", "1b")
 * @param depth          0 for the top row; one more per '&gt;' of nesting
 * @param relationship   e.g. "CONTAINS", "HAS CONCEPT MOD"; "" for the top row
 * @param valueType      e.g. "CONTAINER", "NUM", "CODE"; "" for an inclusion row
 * @param vmMin          minimum number of items, e.g. "1"
 * @param vmMax          maximum number of items, "n" for unbounded
 * @param requirement    M, MC, U or UC
 * @param mayBePresentOtherwise for MC/UC, whether the row may be present when its condition is false
 * @param conceptName    the fixed concept name, if the row gives one
 * @param conceptNameCid the context group the concept name is taken from, "" when fixed or absent
 * @param units          the fixed UCUM unit of a NUM row, if given
 * @param unitsCid       the context group of units, "" when none
 * @param valueSetCid    the context group of a CODE value ("" when none); PixelMed's own sets are named "PMP_..."
 * @param valueSetBde    "D" (defined), "B" (baseline) or "E" (enumerated) for the value set
 * @param fixedValue     the fixed coded value, if the row gives one
 * @param includedTid    the included template for an inclusion row, "" otherwise
 */
public record TemplateRow(String row, int depth, String relationship, String valueType, String vmMin, String vmMax,
                          String requirement, boolean mayBePresentOtherwise, Optional<Code> conceptName,
                          String conceptNameCid, Optional<Code> units, String unitsCid, String valueSetCid,
                          String valueSetBde, Optional<Code> fixedValue, String includedTid) {

    /** True when the row includes another template rather than describing a content item. */
    public boolean isInclusion() {
        return !includedTid.isEmpty();
    }
}
