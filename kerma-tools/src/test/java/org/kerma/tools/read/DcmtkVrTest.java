package org.kerma.tools.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kerma.dicom.VR;

class DcmtkVrTest {

    @Test
    void mapsXsToUsOrSs() {
        assertThat(DcmtkVr.toVrs("xs")).containsExactly(VR.US, VR.SS);
    }

    @Test
    void mapsOxAndPxToObOrOw() {
        assertThat(DcmtkVr.toVrs("ox")).containsExactly(VR.OB, VR.OW);
        assertThat(DcmtkVr.toVrs("px")).containsExactly(VR.OB, VR.OW);
    }

    @Test
    void mapsLtToUsOrSsOrOw() {
        assertThat(DcmtkVr.toVrs("lt")).containsExactly(VR.US, VR.SS, VR.OW);
    }

    @Test
    void mapsUpToUl() {
        assertThat(DcmtkVr.toVrs("up")).containsExactly(VR.UL);
    }

    @Test
    void mapsNaToNoVr() {
        assertThat(DcmtkVr.toVrs("na")).isEmpty();
    }

    @Test
    void keepsRealVrs() {
        assertThat(DcmtkVr.toVrs("DS")).containsExactly(VR.DS);
        assertThat(DcmtkVr.toVrs("SQ")).containsExactly(VR.SQ);
    }

    @Test
    void rejectsUnknownCodesByName() {
        assertThatThrownBy(() -> DcmtkVr.toVrs("zz")).hasMessageContaining("'zz'");
        assertThatThrownBy(() -> DcmtkVr.toVrs("XS")).hasMessageContaining("'XS'");
    }
}
