package org.kerma.net;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.kerma.net.Status.Category;

class StatusTest {

    @Test
    void classifiesCodesByThePs37Ranges() {
        assertThat(Status.of(0x0000).category()).isEqualTo(Category.SUCCESS);
        assertThat(Status.of(0xFF00).category()).isEqualTo(Category.PENDING);
        assertThat(Status.of(0xFF01).category()).isEqualTo(Category.PENDING);
        assertThat(Status.of(0xFE00).category()).isEqualTo(Category.CANCEL);
        assertThat(Status.of(0xB007).category()).isEqualTo(Category.WARNING);
        assertThat(Status.of(0x0107).category()).isEqualTo(Category.WARNING);
        assertThat(Status.of(0xA700).category()).isEqualTo(Category.FAILURE);
        assertThat(Status.of(0xC123).category()).isEqualTo(Category.FAILURE);
        assertThat(Status.of(0x0122).category()).isEqualTo(Category.FAILURE);
    }

    @Test
    void keepsAnUnknownCodeRepresentableAndPrintable() {
        Status vendor = Status.of(0xC2F1);

        assertThat(vendor).isEqualTo(new Status(0xC2F1));
        assertThat(vendor).hasToString("C2F1 (Failure: unable to process)");
        assertThat(Status.of(0xB123)).hasToString("B123 (Warning)");
        assertThat(Status.MOVE_DESTINATION_UNKNOWN).hasToString("A801 (Failure: move destination unknown)");
    }
}
