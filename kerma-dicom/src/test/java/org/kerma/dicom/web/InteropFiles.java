package org.kerma.dicom.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.kerma.dicom.corpus.Corpus;

/** The files the interop tests compare: every radiation dose SR of the corpus and a handful of images. */
final class InteropFiles {
    /** Images chosen for what they exercise: private tags, big endian, odd length, encapsulation, charsets, RT. */
    static final Set<String> IMAGES = Set.of(
            "samples/pydicom+pydicom/src/pydicom/data/test_files/CT_small.dcm",
            "samples/pydicom+pydicom/src/pydicom/data/test_files/MR_small_bigendian.dcm",
            "samples/pydicom+pydicom/src/pydicom/data/test_files/SC_rgb_small_odd.dcm",
            "samples/pydicom+pydicom/src/pydicom/data/test_files/rtdose.dcm",
            "samples/pydicom+pydicom/src/pydicom/data/charset_files/chrX1.dcm",
            "samples/dcm4che+dcm4che/dcm4che-test-data/src/main/resources/CT-JPEGLosslessSV1.dcm",
            "openrem/DX-Im-GE_XR220-1.dcm");

    private InteropFiles() {
    }

    static List<Corpus.Entry> files() {
        List<Corpus.Entry> out = new ArrayList<>();
        for (Corpus.Entry e : Corpus.dicomFiles()) {
            String sopClass = e.column("sop_class_uid");
            boolean doseReport = sopClass.equals("1.2.840.10008.5.1.4.1.1.88.67")
                    || sopClass.equals("1.2.840.10008.5.1.4.1.1.88.68");
            if (doseReport || IMAGES.contains(e.name())) {
                out.add(e);
            }
        }
        return out;
    }
}
