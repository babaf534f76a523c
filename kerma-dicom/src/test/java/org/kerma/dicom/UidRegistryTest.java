package org.kerma.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class UidRegistryTest {
    private final UidRegistry registry = UidRegistry.standard();

    @Test
    void namesExplicitVrLittleEndian() {
        UidEntry e = registry.find("1.2.840.10008.1.2.1").orElseThrow();

        assertThat(e.name()).isEqualTo("Explicit VR Little Endian");
        assertThat(e.keyword()).isEqualTo("ExplicitVRLittleEndian");
        assertThat(e.type()).isEqualTo(UidType.TRANSFER_SYNTAX);
        assertThat(e.retired()).isFalse();
        assertThat(Uid.ExplicitVRLittleEndian).isEqualTo("1.2.840.10008.1.2.1");
    }

    @Test
    void namesXRayRadiationDoseSrStorage() {
        assertThat(registry.nameOf("1.2.840.10008.5.1.4.1.1.88.67")).isEqualTo("X-Ray Radiation Dose SR Storage");
        assertThat(registry.find(Uid.XRayRadiationDoseSRStorage).orElseThrow().type()).isEqualTo(UidType.SOP_CLASS);
        assertThat(registry.nameOf(Uid.EnhancedXRayRadiationDoseSRStorage))
                .isEqualTo("Enhanced X-Ray Radiation Dose SR Storage");
    }

    @Test
    void givesTheUidItselfAsNameWhenUnknownOrUnnamed() {
        assertThat(registry.nameOf("1.2.3.4")).isEqualTo("1.2.3.4");
        assertThat(registry.find("1.2.3.4")).isEmpty();
        assertThat(registry.nameOf("1.2.840.10008.5.1.4.1.1.40")).isEqualTo("1.2.840.10008.5.1.4.1.1.40");
        assertThat(registry.find("1.2.840.10008.5.1.4.1.1.40").orElseThrow().retired()).isTrue();
    }

    @Test
    void describesExplicitVrBigEndianAsRetiredExplicitBigEndian() {
        TransferSyntaxTraits t = registry.transferSyntaxTraits("1.2.840.10008.1.2.2").orElseThrow();

        assertThat(t).isEqualTo(new TransferSyntaxTraits(true, true, false, false));
        assertThat(registry.find(Uid.ExplicitVRBigEndian).orElseThrow().retired()).isTrue();
    }

    @Test
    void describesImplicitVrLittleEndian() {
        assertThat(registry.transferSyntaxTraits(Uid.ImplicitVRLittleEndian))
                .contains(new TransferSyntaxTraits(false, false, false, false));
    }

    @Test
    void describesDeflatedExplicitVrLittleEndianAsDeflated() {
        assertThat(registry.transferSyntaxTraits("1.2.840.10008.1.2.1.99"))
                .contains(new TransferSyntaxTraits(true, false, true, false));
    }

    @Test
    void describesJpegBaselineAsEncapsulated() {
        assertThat(registry.transferSyntaxTraits("1.2.840.10008.1.2.4.50"))
                .contains(new TransferSyntaxTraits(true, false, false, true));
    }

    @Test
    void tellsDeflatedDataSetsFromDeflatedFrames() {
        assertThat(registry.transferSyntaxTraits(Uid.JPIPReferencedDeflate))
                .contains(new TransferSyntaxTraits(true, false, true, false));
        assertThat(registry.transferSyntaxTraits(Uid.DeflatedImageFrameCompression))
                .contains(new TransferSyntaxTraits(true, false, false, true));
        assertThat(registry.transferSyntaxTraits(Uid.EncapsulatedUncompressedExplicitVRLittleEndian))
                .contains(new TransferSyntaxTraits(true, false, false, true));
    }

    @Test
    void hasNoTraitsForOtherUidsOrUndescribedSyntaxes() {
        assertThat(registry.transferSyntaxTraits(Uid.XRayRadiationDoseSRStorage)).isEmpty();
        assertThat(registry.transferSyntaxTraits(Uid.RFC2557MIMEEncapsulation)).isEmpty();
        assertThat(registry.transferSyntaxTraits("1.2.3.4")).isEmpty();
    }

    @Test
    void mapsTheUidTypesOfTheRegistry() {
        assertThat(registry.find("1.2.840.10008.1.4.1.1").orElseThrow().type()).isEqualTo(UidType.FRAME_OF_REFERENCE);
        assertThat(registry.find("1.2.840.10008.2.6.1").orElseThrow().type()).isEqualTo(UidType.CODING_SCHEME);
        assertThat(registry.find("1.2.840.10008.3.1.1.1").orElseThrow().type())
                .isEqualTo(UidType.APPLICATION_CONTEXT);
        assertThat(registry.find("1.2.840.10008.15.0.3.1").orElseThrow().type()).isEqualTo(UidType.LDAP_OID);
        assertThat(registry.find(Uid.Verification).orElseThrow().type()).isEqualTo(UidType.SOP_CLASS);
        assertThat(UidType.ofName("SOMETHING_NEW")).isEqualTo(UidType.OTHER);
    }

    @Test
    void listsEveryRegisteredUidInAnUnmodifiableView() {
        assertThat(registry.all()).hasSize(490);
        assertThat(registry.all()).extracting(UidEntry::uid).startsWith("1.2.840.10008.1.1");
        assertThatThrownBy(() -> registry.all().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void agreesWithEveryGeneratedUidConstant() throws IllegalAccessException {
        int checked = 0;
        for (Field f : Uid.class.getFields()) {
            UidEntry e = registry.find((String) f.get(null)).orElseThrow();
            assertThat(e.keyword()).as(f.getName()).isEqualTo(f.getName());
            checked++;
        }
        assertThat(checked).isEqualTo(488);
    }

    @Test
    void namesTheLineOfABadTraitsColumn() {
        byte[] bad = "# source: test\n1.2.840.10008.1.2\tTRANSFER_SYNTAX\tN\tImplicitVRLittleEndian\tN\tN\tmaybe\tN\tImplicit\n"
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> UidRegistry.of(bad))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("uids.tsv:2:");
    }
}
