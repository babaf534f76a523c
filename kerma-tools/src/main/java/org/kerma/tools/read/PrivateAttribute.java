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
 * @param keyword    the keyword: DCMTK's label, or one derived from the name where the source has none; may be
 *                   empty when the source gives no name
 * @param name       the name as the source gives it (DCMTK has one label, which is both keyword and name); may be
 *                   empty
 */
public record PrivateAttribute(String creator, int groupLow, int groupHigh, int element, List<VR> vrs, String vm,
                               String keyword, String name) {

    /** True when {@link #element()} is a fixed element number rather than an offset in the block. */
    public boolean fixedElement() {
        return element > 0xFF;
    }

    /** The groups and element as in reports: "(0019,xx10)", "(7001-70FF,xx04)", "(0025,1010)". */
    public String where() {
        String groups = groupHigh == groupLow ? String.format("%04X", groupLow)
                : String.format("%04X-%04X", groupLow, groupHigh);
        return "(" + groups + "," + (fixedElement() ? String.format("%04X", element) : String.format("xx%02X", element))
                + ")";
    }
}
