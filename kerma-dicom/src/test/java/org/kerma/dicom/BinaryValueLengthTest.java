package org.kerma.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Binary numbers whose value length is no multiple of the value size are encoding errors, reported by tag. */
class BinaryValueLengthTest {

    @Test
    void readsWholeBinaryValues() {
        DicomObject ds = new DicomObject();
        ds.put(Tag.Rows, VR.US, new byte[] {0x00, 0x02, 0x01, 0x00});

        assertThat(ds.longs(Tag.Rows)).containsExactly(512, 1);
        assertThat(ds.doubles(Tag.Rows)).containsExactly(512.0, 1.0);
    }

    @Test
    void reportsATrailingByteInsteadOfDroppingIt() {
        DicomObject ds = new DicomObject();
        ds.put(Tag.Rows, VR.US, new byte[] {0x00, 0x02, 0x01});

        assertThatThrownBy(() -> ds.longs(Tag.Rows)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("(0028,0010)")
                .hasMessageContaining("value length 3 is not a multiple of 2, the size of one US value");
        assertThatThrownBy(() -> ds.doubles(Tag.Rows)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void reportsAFloatOfTheWrongLength() {
        DicomObject ds = new DicomObject();
        ds.put(Tag.DistanceSourceToDetector, VR.FD, new byte[] {1, 2, 3, 4});

        assertThatThrownBy(() -> ds.doubles(Tag.DistanceSourceToDetector))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("value length 4 is not a multiple of 8, the size of one FD value");
    }

    @Test
    void reportsAnAttributeTagOfTheWrongLength() {
        DicomObject ds = new DicomObject();
        ds.put(Tag.FrameIncrementPointer, VR.AT, new byte[] {0x28, 0x00, 0x09, 0x00, 0x18});

        assertThatThrownBy(() -> ds.longs(Tag.FrameIncrementPointer)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("not a multiple of 4");
    }
}
