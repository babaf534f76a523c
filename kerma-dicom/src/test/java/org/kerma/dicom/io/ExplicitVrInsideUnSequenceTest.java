package org.kerma.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.kerma.dicom.DicomObject;

/**
 * A UN element holding a sequence whose items are in explicit VR, against PS3.5 section 6.2.2 (which says implicit VR
 * little endian) but written by real devices: the corpus has two, {@code openrem/MG-Im-Hologic-PropProj.dcm}
 * ((0040,0260) UN of undefined length) and dcm4che's {@code explicitVRwithinUNsequence.dcm} ((0010,2202) UN of
 * defined length). pydicom reads both. Kerma's reader parses the items as implicit VR and fails the whole file.
 * Found by {@code CorpusRoundTripTest}, which cannot round-trip a file it cannot read.
 */
class ExplicitVrInsideUnSequenceTest {
    private static final int PERFORMED_PROTOCOL_CODE_SEQUENCE = 0x00400260;
    private static final int PATIENT_SPECIES_CODE_SEQUENCE = 0x00102202;
    private static final int CODE_VALUE = 0x00080100;
    private static final int PATIENT_ID = 0x00100020;
    private static final int SERIES_NUMBER = 0x00200011;

    private static DicomObject read(byte[] dataset) throws IOException {
        byte[] file = EncodedBytes.littleEndian().preamble().meta("1.2.840.10008.1.2.1").bytes(dataset).toByteArray();
        return DicomReader.read(new ByteArrayInputStream(file), "test", ReadOptions.DEFAULT).dataset();
    }

    @Test
    void readsAnUndefinedLengthUnSequenceWhoseItemsAreInExplicitVr() throws IOException {
        byte[] dataset = EncodedBytes.littleEndian()
                .explicitShort(PATIENT_ID, "LO", "P1")
                .explicitLongHeader(PERFORMED_PROTOCOL_CODE_SEQUENCE, "UN", 0xFFFFFFFFL)
                .item(0xFFFFFFFFL)
                .explicitShort(CODE_VALUE, "SH", "NA")
                .itemEnd()
                .sequenceEnd()
                .explicitShort(SERIES_NUMBER, "IS", "7 ")
                .toByteArray();
        DicomObject ds = read(dataset);
        assertThat(ds.items(PERFORMED_PROTOCOL_CODE_SEQUENCE)).hasSize(1);
        assertThat(ds.items(PERFORMED_PROTOCOL_CODE_SEQUENCE).get(0).findString(CODE_VALUE)).contains("NA");
        assertThat(ds.getInt(SERIES_NUMBER, -1)).isEqualTo(7);
    }

    @Test
    void readsADefinedLengthUnOfASequenceTagWhoseItemsAreInExplicitVr() throws IOException {
        byte[] item = EncodedBytes.littleEndian().explicitShort(CODE_VALUE, "SH", "canine").toByteArray();
        byte[] dataset = EncodedBytes.littleEndian()
                .explicitShort(PATIENT_ID, "LO", "P1")
                .explicitLongHeader(PATIENT_SPECIES_CODE_SEQUENCE, "UN", 8 + item.length)
                .item(item.length)
                .bytes(item)
                .explicitShort(SERIES_NUMBER, "IS", "7 ")
                .toByteArray();
        DicomObject ds = read(dataset);
        assertThat(ds.getInt(SERIES_NUMBER, -1)).isEqualTo(7);
        assertThat(ds.items(PATIENT_SPECIES_CODE_SEQUENCE)).hasSize(1);
        assertThat(ds.items(PATIENT_SPECIES_CODE_SEQUENCE).get(0).findString(CODE_VALUE)).contains("canine");
    }
}
