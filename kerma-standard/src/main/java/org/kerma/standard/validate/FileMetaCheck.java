package org.kerma.standard.validate;

import java.util.List;
import java.util.Optional;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Tag;

/**
 * Checks the file meta information of a Part 10 file against its data set (PS3.10 Section 7.1): Media Storage SOP
 * Class and Instance UIDs present and equal to the data set's SOP Class and Instance UIDs; Transfer Syntax UID,
 * Implementation Class UID, File Meta Information Group Length and Version present (all type 1 in Table 7.1-1). A bare data set (no meta information) is not checked.
 */
final class FileMetaCheck {
    private static final String MODULE = "file-meta-information";

    private FileMetaCheck() {
    }

    static void check(DicomObject meta, DicomObject dataset, List<Finding> findings) {
        if (meta == null || meta.isEmpty()) {
            return;
        }
        same(meta, Tag.MediaStorageSOPClassUID, dataset, Tag.SOPClassUID, findings);
        same(meta, Tag.MediaStorageSOPInstanceUID, dataset, Tag.SOPInstanceUID, findings);
        present(meta, Tag.TransferSyntaxUID, findings);
        present(meta, Tag.ImplementationClassUID, findings);
        for (int tag : new int[] {Tag.FileMetaInformationGroupLength, Tag.FileMetaInformationVersion}) {
            if (!meta.contains(tag)) {
                findings.add(finding(tag, IodValidator.keyword(tag) + " is missing"));
            }
        }
    }

    private static void same(DicomObject meta, int metaTag, DicomObject dataset, int dataTag, List<Finding> findings) {
        Optional<String> inMeta = meta.findString(metaTag);
        Optional<String> inData = dataset.findString(dataTag);
        if (inMeta.isEmpty()) {
            findings.add(finding(metaTag, IodValidator.keyword(metaTag) + " is missing"));
        } else if (inData.isPresent() && !inMeta.get().equals(inData.get())) {
            findings.add(finding(metaTag, IodValidator.keyword(metaTag) + " " + inMeta.get() + " differs from "
                    + IodValidator.keyword(dataTag) + " " + inData.get() + " of the data set"));
        }
    }

    private static void present(DicomObject meta, int tag, List<Finding> findings) {
        if (meta.findString(tag).isEmpty()) {
            findings.add(finding(tag, IodValidator.keyword(tag) + " is missing"));
        }
    }

    private static Finding finding(int tag, String reason) {
        return new Finding(Severity.ERROR, Rule.FILE_META, MODULE, tag, IodValidator.keyword(tag), "", reason);
    }
}
