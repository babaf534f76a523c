package org.kerma.dicom.sr;

import java.util.List;

/**
 * The referenced object of an IMAGE, COMPOSITE or WAVEFORM content item (PS3.3 section C.18.3, Composite Object
 * Reference Macro): Referenced SOP Class UID, Referenced SOP Instance UID and, for images, Referenced Frame Number.
 *
 * @param sopClassUid    Referenced SOP Class UID (0008,1150), empty when absent
 * @param sopInstanceUid Referenced SOP Instance UID (0008,1155), empty when absent
 * @param frames         Referenced Frame Number (0008,1160) values, empty when none
 */
public record SopReference(String sopClassUid, String sopInstanceUid, List<Long> frames) {
    public SopReference {
        frames = List.copyOf(frames);
    }
}
