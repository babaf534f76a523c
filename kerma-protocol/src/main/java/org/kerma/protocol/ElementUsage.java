package org.kerma.protocol;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;

/**
 * Which images and irradiation events used which protocol element: the join key for dose per protocol element
 * (the registry joins the events to their dose). Built from the General Procedure Protocol Reference Macro of
 * images (PS3.3 section 10.41) and their Irradiation Event UID (0008,3010).
 *
 * @param element          the protocol element
 * @param imageUids        SOP Instance UIDs of the images that reference it, in input order
 * @param irradiationEvents Irradiation Event UIDs of those images, in input order, without repeats
 */
public record ElementUsage(ElementKey element, List<String> imageUids, List<String> irradiationEvents) {

    /**
     * A protocol element across instances.
     *
     * @param protocolKind  defined or performed protocol
     * @param protocolUid   SOP Instance UID of the protocol
     * @param kind          acquisition or reconstruction (images name no storage elements)
     * @param number        the element number
     */
    public record ElementKey(ProtocolReference.Kind protocolKind, String protocolUid, ElementKind kind, int number) {
        public ElementKey {
            Objects.requireNonNull(protocolKind, "protocolKind");
            Objects.requireNonNull(protocolUid, "protocolUid");
            Objects.requireNonNull(kind, "kind");
        }
    }

    public ElementUsage {
        Objects.requireNonNull(element, "element");
        imageUids = List.copyOf(imageUids);
        irradiationEvents = List.copyOf(irradiationEvents);
    }

    /** The usage of every element referenced by {@code images}, in order of first reference. */
    public static List<ElementUsage> of(List<DicomObject> images) {
        Map<ElementKey, Set<String>> imagesOf = new LinkedHashMap<>();
        Map<ElementKey, Set<String>> eventsOf = new LinkedHashMap<>();
        for (DicomObject image : images) {
            String uid = Values.string(image, Tag.SOPInstanceUID, ItemPath.ROOT, null);
            List<String> events = Values.strings(image, Tag.IrradiationEventUID, ItemPath.ROOT, null);
            for (ProtocolReference ref : ProtocolReference.readAll(image).value()) {
                List<ElementKey> keys = new ArrayList<>();
                ref.sourceAcquisitionElements().forEach(n -> keys.add(new ElementKey(ref.kind(),
                        ref.protocol().sopInstanceUid(), ElementKind.ACQUISITION, n)));
                ref.sourceReconstructionElements().forEach(n -> keys.add(new ElementKey(ref.kind(),
                        ref.protocol().sopInstanceUid(), ElementKind.RECONSTRUCTION, n)));
                for (ElementKey key : keys) {
                    imagesOf.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(uid);
                    eventsOf.computeIfAbsent(key, k -> new LinkedHashSet<>()).addAll(events);
                }
            }
        }
        List<ElementUsage> usage = new ArrayList<>();
        imagesOf.forEach((key, uids) -> usage.add(new ElementUsage(key, new ArrayList<>(uids),
                new ArrayList<>(eventsOf.get(key)))));
        return usage;
    }
}
