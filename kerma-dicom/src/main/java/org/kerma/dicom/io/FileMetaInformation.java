package org.kerma.dicom.io;

import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.VR;

/** Builds the File Meta Information (PS3.10 section 7.1) that Kerma writes. */
public final class FileMetaInformation {
    /** Kerma's Implementation Class UID (a UUID-derived UID, PS3.5 Annex B.2). */
    public static final String IMPLEMENTATION_CLASS_UID = "2.25.292863709374651725206317080813395969845";
    /** Kerma's Implementation Version Name (at most 16 characters). */
    public static final String IMPLEMENTATION_VERSION_NAME = "KERMA_0_1";

    private FileMetaInformation() {
    }

    /**
     * File Meta Information for {@code dataset} written in {@code ts}: version 00\01, Media Storage SOP Class and
     * Instance UID from the data set's SOP Class/Instance UID (PS3.10 section 7.1: they identify the data set that
     * follows), or from {@code previous} for a data set without them, the transfer syntax, Kerma's implementation
     * class UID and version name; Source/Sending/Receiving AE titles and private information are kept from
     * {@code previous}. The group length is computed by the writer.
     */
    public static DicomObject create(DicomObject dataset, TransferSyntax ts, DicomObject previous) {
        DicomObject meta = new DicomObject();
        meta.put(0x00020001, VR.OB, new byte[] {0, 1});
        copyOr(meta, dataset, Tag.SOPClassUID, previous, 0x00020002);
        copyOr(meta, dataset, Tag.SOPInstanceUID, previous, 0x00020003);
        meta.setString(Tag.TransferSyntaxUID, ts.uid());
        meta.setString(0x00020012, IMPLEMENTATION_CLASS_UID);
        meta.setString(0x00020013, IMPLEMENTATION_VERSION_NAME);
        if (previous != null) {
            for (int tag : new int[] {0x00020016, 0x00020017, 0x00020018, 0x00020026, 0x00020027, 0x00020028,
                    0x00020100, 0x00020102}) {
                int i = previous.indexOf(tag);
                if (i >= 0) {
                    meta.put(tag, previous.vrAt(i), previous.valueAt(i));
                }
            }
        }
        return meta;
    }

    /** Sets {@code metaTag} to the data set's {@code tag}, or else to {@code previous}'s {@code metaTag}. */
    private static void copyOr(DicomObject meta, DicomObject dataset, int tag, DicomObject previous, int metaTag) {
        String uid = dataset.findString(tag).orElse(null);
        if (uid == null && previous != null) {
            uid = previous.findString(metaTag).orElse(null);
        }
        if (uid != null) {
            meta.putString(metaTag, VR.UI, uid); // as the data set has it, even where it breaks the UI rules
        }
    }
}
