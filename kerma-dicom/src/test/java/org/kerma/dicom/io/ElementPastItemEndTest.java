package org.kerma.dicom.io;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * An element whose value runs past the end of its item of defined length would swallow the elements after the
 * sequence; the reader refuses it, naming the element and where the item ends.
 */
class ElementPastItemEndTest {
    private static final int REFERENCED_SERIES_SEQUENCE = 0x00081115;
    private static final int SERIES_INSTANCE_UID = 0x0020000E;
    private static final int PATIENT_ID = 0x00100020;
    private static final int SERIES_NUMBER = 0x00200011;

    @Test
    void refusesAValueThatRunsPastTheEndOfItsItem() {
        byte[] patientId = EncodedBytes.littleEndian().explicitShort(PATIENT_ID, "LO", "P1  ").toByteArray();
        byte[] dataset = EncodedBytes.littleEndian()
                .explicitLongHeader(REFERENCED_SERIES_SEQUENCE, "SQ", 8 + 10)
                .item(10)
                .tag(SERIES_INSTANCE_UID).ascii("UI").u16(2 + patientId.length).ascii("1\0")
                .bytes(patientId)
                .explicitShort(SERIES_NUMBER, "IS", "7 ")
                .toByteArray();
        byte[] file = EncodedBytes.littleEndian().preamble().meta("1.2.840.10008.1.2.1").bytes(dataset).toByteArray();
        assertThatThrownBy(() -> DicomReader.read(new ByteArrayInputStream(file), "test", ReadOptions.DEFAULT))
                .isInstanceOf(DicomParseException.class)
                .hasMessageContaining("value of 14 bytes runs past the end of its item or sequence at byte offset")
                .hasMessageContaining("(0020,000E) SeriesInstanceUID");
    }
}
