package org.kerma.tools.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.tools.StagedStandard;

class TransferSyntaxReadersTest {
    private final Path standard = StagedStandard.folder();

    @Test
    void readsEncodingOfTransferSyntaxesFromDicom3tools() {
        Map<String, Dicom3toolsTransferSyntax> ts =
                Dicom3toolsTransferSyntaxReader.read(standard.resolve("dicom3tools/libsrc/standard/transyn.tpl"));

        assertThat(ts.get("1.2.840.10008.1.2")).isEqualTo(new Dicom3toolsTransferSyntax("1.2.840.10008.1.2",
                "Implicit VR Little Endian", false, false, false));
        assertThat(ts.get("1.2.840.10008.1.2.2").bigEndian()).isTrue();
        assertThat(ts.get("1.2.840.10008.1.2.4.50").encapsulated()).isTrue();
    }

    @Test
    void readsDeflationAndEncapsulationFromPs35AnnexA() {
        Map<String, AnnexATransferSyntax> ts =
                AnnexATransferSyntaxReader.read(standard.resolve("nema-docbook/part05.xml"));

        AnnexATransferSyntax deflated = ts.get("1.2.840.10008.1.2.1.99");
        assertThat(deflated.section()).isEqualTo("A.5");
        assertThat(deflated.deflated()).isTrue();
        assertThat(deflated.encapsulated()).isFalse();
        AnnexATransferSyntax frames = ts.get("1.2.840.10008.1.2.8.1");
        assertThat(frames.encapsulated()).isTrue();
        assertThat(frames.deflated()).isFalse();
        assertThat(ts.get("1.2.840.10008.1.2").explicitVr()).isFalse();
        assertThat(ts.get("1.2.840.10008.1.2.4.205").deflated()).isTrue();
        assertThat(ts.get("1.2.840.10008.1.2.4.50").section()).isEqualTo("A.4.1");
    }

    @Test
    void letsLaterPrivateDefinitionsOverrideEarlierOnes(@TempDir Path dir) throws IOException {
        Path dic = dir.resolve("private.dic");
        Files.writeString(dic, "# comment\n"
                + "(0019,\"ACME 1.0\",10)\tUS\tFirst\t1\tPrivateTag\n"
                + "(0019,\"ACME 1.0\",1010)\tLO\tFixed\t1\tPrivateTag\n"
                + "(7001-o-70ff,\"ACME 1.0\",04)\tox\tRanged\t1\tPrivateTag\n"
                + "(0019,\"ACME 1.0\",10)\tSS\tSecond\t1\tPrivateTag\n");

        DcmtkPrivateDictionaryReader.Result r = DcmtkPrivateDictionaryReader.read(dic);

        assertThat(r.attributes()).hasSize(3);
        assertThat(r.attributes().get(0).keyword()).isEqualTo("Second");
        assertThat(r.attributes().get(1).fixedElement()).isTrue();
        assertThat(r.attributes().get(2).groupHigh()).isEqualTo(0x70FF);
        assertThat(r.attributes().get(2).vrs()).hasSize(2);
        assertThat(r.overridden()).singleElement().asString().contains("private.dic:5");
    }
}
