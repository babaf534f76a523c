package org.kerma.tools.read;

import java.util.List;
import org.kerma.dicom.VR;

/**
 * One row of DCMTK's {@code dicom.dic} after normalisation: pseudo-VRs mapped, {@code RETIRED_} prefix removed.
 *
 * @param pattern the tag or repeating-group pattern
 * @param keyword the keyword without DCMTK's {@code RETIRED_} prefix
 * @param vrs     the VRs (empty for the item and delimitation tags)
 * @param vrCode  the VR column as written in the file, e.g. "xs"
 * @param vm      the value multiplicity
 * @param retired true when the Version column is {@code DICOM/retired}
 */
public record DcmtkAttribute(TagPattern pattern, String keyword, List<VR> vrs, String vrCode, String vm,
                             boolean retired) {
}
