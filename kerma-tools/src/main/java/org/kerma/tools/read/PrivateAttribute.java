package org.kerma.tools.read;

import java.util.List;
import org.kerma.dicom.VR;

/**
 * One private data element of DCMTK's {@code private.dic}.
 *
 * @param creator    the Private Creator value that reserves the block
 * @param groupLow   the group, or the first group of an odd-group range
 * @param groupHigh  equal to {@code groupLow}, or the last group of the range
 * @param element    0x00-0xFF: the element's offset in whatever block the creator reserved; 0x1000-0xFFFF: a fixed
 *                   element number, valid only in that block
 * @param vrs        the VRs (pseudo-VRs mapped)
 * @param vm         the value multiplicity
 * @param keyword    DCMTK's name for it (one label, used as keyword and name)
 */
public record PrivateAttribute(String creator, int groupLow, int groupHigh, int element, List<VR> vrs, String vm,
                               String keyword) {

    /** True when {@link #element()} is a fixed element number rather than an offset in the block. */
    public boolean fixedElement() {
        return element > 0xFF;
    }
}
