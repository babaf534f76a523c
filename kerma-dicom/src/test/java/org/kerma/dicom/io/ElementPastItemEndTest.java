package org.kerma.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * An element whose value runs past the end of its item of defined length. The reader checks a value's length only
 * against the end of the input, and pops the item once its position is at or past the item's end, so the value
 * silently swallows the elements that follow the sequence. Seen while diagnosing ExplicitVrInsideUnSequenceTest,
 * where the error names the end of the input instead of the item.
 */
class ElementPastItemEndTest {
    private static final int REFERENCED_SERIES_SEQUENCE = 0x00081115;
    private static final int SERIES_INSTANCE_UID = 0x0020000E;
    private static final int PATIENT_ID = 0x00100020;
    private static final int SERIES_NUMBER = 0x00200011;

    @Test
    @Disabled("defect: DicomReader.readValue (line 456) bounds a value by the input, not by its enclosing item, and"
            + " readDataset (line 253) pops an item once past its end without a word")
    void reportsAValueThatRunsPastTheEndOfItsItem() throws IOException {
        byte[] patientId = EncodedBytes.littleEndian().explicitShort(PATIENT_ID, "LO", "P1  ").toByteArray();
        byte[] dataset = EncodedBytes.littleEndian()
                .explicitLongHeader(REFERENCED_SERIES_SEQUENCE, "SQ", 8 + 10)
                .item(10)
                .tag(SERIES_INSTANCE_UID).ascii("UI").u16(2 + patientId.length).ascii("1\0")
                .bytes(patientId)
                .explicitShort(SERIES_NUMBER, "IS", "7 ")
                .toByteArray();
        byte[] file = EncodedBytes.littleEndian().preamble().meta("1.2.840.10008.1.2.1").bytes(dataset).toByteArray();
        DicomFile read;
        try {
            read = DicomReader.read(new ByteArrayInputStream(file), "test", ReadOptions.DEFAULT);
        } catch (DicomParseException e) {
            assertThat(e.getMessage()).contains("item");
            return;
        }
        assertThat(read.warnings()).as("a value running 12 bytes past the end of its item, swallowing (0010,0020)")
                .isNotEmpty();
    }
}
