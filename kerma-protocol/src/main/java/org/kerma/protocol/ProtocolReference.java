package org.kerma.protocol;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.Uid;

/**
 * A reference from an image (or another instance) to a protocol and its elements: one item of the Referenced
 * Defined Protocol Sequence (0018,990C) or Referenced Performed Protocol Sequence (0018,990D) of the General
 * Procedure Protocol Reference Macro (PS3.3 section 10.41).
 *
 * <p>XA images carry the macro per image; CT images carry the same sequences in the General Series Module (PS3.3
 * section C.7.3.1), so every image of the series shares them: {@link Level#SERIES}.
 *
 * @param kind                       defined or performed protocol
 * @param protocol                   the referenced protocol instance
 * @param sourceAcquisitionElements  Source Acquisition Protocol Element Number (0018,9938)
 * @param sourceReconstructionElements Source Reconstruction Protocol Element Number (0018,993A)
 * @param level                      whether the reference is the image's own or its series'
 * @param path                       the item path in the referencing data set
 */
public record ProtocolReference(Kind kind, InstanceReference protocol, List<Integer> sourceAcquisitionElements,
                                List<Integer> sourceReconstructionElements, Level level, String path) {

    /** Which sequence the reference came from. */
    public enum Kind { DEFINED, PERFORMED }

    /** Whose reference it is. */
    public enum Level { IMAGE, SERIES }

    public ProtocolReference {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(protocol, "protocol");
        sourceAcquisitionElements = List.copyOf(sourceAcquisitionElements);
        sourceReconstructionElements = List.copyOf(sourceReconstructionElements);
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(path, "path");
    }

    /** The SOP Classes whose protocol references are series-level: CT images (General Series Module). */
    private static final List<String> SERIES_LEVEL = List.of(Uid.CTImageStorage, Uid.EnhancedCTImageStorage,
            Uid.LegacyConvertedEnhancedCTImageStorage);

    /**
     * Every protocol reference of a data set, defined first. Items without a SOP Instance UID are findings and
     * are left out.
     */
    public static Reading<List<ProtocolReference>> readAll(DicomObject dataset) {
        Level level = SERIES_LEVEL.contains(Values.string(dataset, Tag.SOPClassUID, ItemPath.ROOT, null))
                ? Level.SERIES : Level.IMAGE;
        List<ProtocolReference> refs = new ArrayList<>();
        List<ProtocolFinding> findings = new ArrayList<>();
        read(dataset, Tag.ReferencedDefinedProtocolSequence, Kind.DEFINED, level, refs, findings);
        read(dataset, Tag.ReferencedPerformedProtocolSequence, Kind.PERFORMED, level, refs, findings);
        return new Reading<>(refs, findings);
    }

    private static void read(DicomObject ds, int sequence, Kind kind, Level level, List<ProtocolReference> refs,
                             List<ProtocolFinding> findings) {
        int n = 0;
        for (DicomObject item : Values.items(ds, sequence, ItemPath.ROOT, findings)) {
            ItemPath at = ItemPath.ROOT.item(sequence, ++n);
            String uid = Values.string(item, Tag.ReferencedSOPInstanceUID, at, findings);
            if (uid.isEmpty()) {
                findings.add(new ProtocolFinding(at.toString(), "protocol reference without a Referenced SOP"
                        + " Instance UID; left out"));
                continue;
            }
            List<Integer> acq = Values.ints(item, Tag.SourceAcquisitionProtocolElementNumber, at, findings);
            List<Integer> rec = Values.ints(item, Tag.SourceReconstructionProtocolElementNumber, at, findings);
            if (!acq.isEmpty() && !rec.isEmpty()) {
                findings.add(new ProtocolFinding(at.toString(), "both Source Acquisition and Source Reconstruction"
                        + " Protocol Element Numbers are present; PS3.3 section 10.41 allows one of them"));
            }
            refs.add(new ProtocolReference(kind, new InstanceReference(
                    Values.string(item, Tag.ReferencedSOPClassUID, at, findings), uid), acq, rec, level,
                    at.toString()));
        }
    }
}
