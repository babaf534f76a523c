package org.kerma.standard;

import java.util.List;
import org.kerma.dicom.Code;

/**
 * A context group of PS3.16 (CID): its identity and its codes. Codes of included groups are not copied in; see
 * {@link Standard#codesOf(String)} for the flattened set.
 *
 * @param cid        the context group number, e.g. "10013"
 * @param keyword    e.g. "CTAcquisitionType"
 * @param name       e.g. "CT Acquisition Type"
 * @param uid        the context group UID
 * @param version    the context group version (YYYYMMDD)
 * @param extensible whether other codes may be used
 * @param codes      the codes listed in the group itself, legacy SRT alternatives included
 * @param includes   the CIDs of included groups
 */
public record ContextGroup(String cid, String keyword, String name, String uid, String version, boolean extensible,
                           List<Code> codes, List<String> includes) {
    public ContextGroup {
        codes = List.copyOf(codes);
        includes = List.copyOf(includes);
    }
}
