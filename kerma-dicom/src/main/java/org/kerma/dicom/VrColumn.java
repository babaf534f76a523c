package org.kerma.dicom;

import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the VR column of the generated tables ("UL", "US/SS", "US/SS/OW", or empty for none) into immutable
 * lists. Single VRs share one list per VR; combinations are rare and get their own list. Stateless and thread-safe.
 */
final class VrColumn {
    private static final List<List<VR>> SINGLE = singles();

    private VrColumn() {
    }

    private static List<List<VR>> singles() {
        List<List<VR>> lists = new ArrayList<>();
        for (VR vr : VR.values()) {
            lists.add(List.of(vr));
        }
        return List.copyOf(lists);
    }

    /**
     * The VRs in field {@code i} of the current row.
     *
     * @throws IllegalStateException naming the row when a code is not a VR
     */
    static List<VR> read(TabTable table, int i) {
        int length = table.length(i);
        if (length == 0) {
            return List.of();
        }
        if (length % 3 != 2) {
            throw table.error("malformed VR column '" + table.text(i) + "'");
        }
        if (length == 2) {
            return SINGLE.get(vr(table, i, 0).ordinal());
        }
        VR[] vrs = new VR[(length + 1) / 3];
        for (int k = 0; k < length; k += 3) {
            vrs[k / 3] = vr(table, i, k);
        }
        return List.of(vrs);
    }

    private static VR vr(TabTable table, int i, int k) {
        VR vr = VR.ofCode((table.byteAt(i, k) << 8) | table.byteAt(i, k + 1));
        if (vr == null || (k + 2 < table.length(i) && table.byteAt(i, k + 2) != '/')) {
            throw table.error("malformed VR column '" + table.text(i) + "'");
        }
        return vr;
    }
}
