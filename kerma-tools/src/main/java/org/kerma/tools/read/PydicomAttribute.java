package org.kerma.tools.read;

import java.util.List;
import org.kerma.dicom.VR;

/**
 * One entry of pydicom's {@code DicomDictionary} or {@code RepeatersDictionary}.
 *
 * @param pattern the tag or repeating-group pattern
 * @param vrs     the VRs ("US or SS" → [US, SS]; "NONE" → [])
 * @param vm      the value multiplicity
 * @param name    the PS3.6 name
 * @param retired true when pydicom marks it 'Retired'
 * @param keyword the keyword; empty for the "Retired-blank" rows
 */
public record PydicomAttribute(TagPattern pattern, List<VR> vrs, String vm, String name, boolean retired,
                               String keyword) {
}
