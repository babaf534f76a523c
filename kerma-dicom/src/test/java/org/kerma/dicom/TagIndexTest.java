package org.kerma.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TagIndexTest {

    @Test
    void findsEveryKeyPutIncludingZeroAndNegativeTags() {
        TagIndex index = new TagIndex(1000);
        for (int i = 0; i < 1000; i++) {
            index.put(i * 0x00010000 - 500, i);
        }
        index.put(0, 7);

        assertThat(index.get(0)).isEqualTo(7);
        assertThat(index.get(0xFFFEE000)).isEqualTo(-1);
        for (int i = 1; i < 1000; i++) {
            assertThat(index.get(i * 0x00010000 - 500)).isEqualTo(i);
        }
    }

    @Test
    void answersMinusOneForMissingKeys() {
        TagIndex index = new TagIndex(2);
        index.put(0x00100010, 0);

        assertThat(index.get(0x00100020)).isEqualTo(-1);
    }

    @Test
    void refusesToFillBeyondHalfItsSlots() {
        TagIndex index = new TagIndex(4);
        for (int i = 0; i < 4; i++) {
            index.put(i, i);
        }

        assertThatThrownBy(() -> {
            for (int i = 4; i < 100; i++) {
                index.put(i, i);
            }
        }).isInstanceOf(IllegalStateException.class);
    }
}
