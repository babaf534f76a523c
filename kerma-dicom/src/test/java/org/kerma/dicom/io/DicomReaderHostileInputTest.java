package org.kerma.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;

/**
 * Regressions for faults of {@link DicomReader} found by {@link DicomReaderFuzzTest} and by reading the code, each
 * with the smallest input that showed it; the fuzzer's own findings are replayed from
 * {@code DicomReaderFuzzTestFindings/<method>/}. Each must end in a result or a {@link DicomParseException} that
 * names where.
 */
class DicomReaderHostileInputTest {
    private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
    private static final String DEFLATED = "1.2.840.10008.1.2.1.99";
    private static final int RECORD_KEY = 0x0008041B;

    @TempDir
    Path dir;

    private static DicomFile readStream(byte[] bytes) throws IOException {
        return DicomReader.read(new ByteArrayInputStream(bytes), "defect", ReadOptions.DEFAULT);
    }

    @Test
    void aValueTooLargeToHoldIsADicomParseExceptionSayingWhere() {
        byte[] value = EncodedBytes.littleEndian().preamble().meta(EXPLICIT_LE)
                .explicitLongHeader(RECORD_KEY, "OB", 0xFFFFFFF0L).bytes(new byte[16])
                .toByteArray();
        byte[] fragment = EncodedBytes.littleEndian().preamble().meta("1.2.840.10008.1.2.4.50")
                .explicitLongHeader(Tag.PixelData, "OB", 0xFFFFFFFFL)
                .item(0)
                .item(0x80000000L).bytes(new byte[16])
                .toByteArray();
        int valueAt = value.length - 16 - 12;

        assertThatThrownBy(() -> readStream(value))
                .isInstanceOf(DicomParseException.class)
                .hasMessageContaining("(0008,041B)")
                .hasMessageContaining("byte offset " + valueAt);
        assertThatThrownBy(() -> readStream(fragment))
                .isInstanceOf(DicomParseException.class)
                .hasMessageContaining("(7FE0,0010)")
                .hasMessageContaining("byte offset");
        assertThatThrownBy(() -> DicomReader.readDataset(new ByteArrayInputStream(
                        EncodedBytes.littleEndian().explicitLongHeader(RECORD_KEY, "OB", 0xFFFFFFF0L).toByteArray()),
                "defect", TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, ReadOptions.DEFAULT))
                .isInstanceOf(DicomParseException.class)
                .hasMessageContaining("byte offset 0");
    }

    @Test
    void aCorruptDeflatedDataSetIsADicomParseExceptionSayingWhere() throws IOException {
        byte[] bytes = EncodedBytes.littleEndian().preamble().meta(DEFLATED)
                .bytes((byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF)
                .toByteArray();
        Path file = Files.write(dir.resolve("corrupt-deflate.dcm"), bytes);

        assertThatThrownBy(() -> readStream(bytes))
                .isInstanceOf(DicomParseException.class)
                .hasMessageContaining("byte offset");
        assertThatThrownBy(() -> DicomReader.read(file))
                .isInstanceOf(DicomParseException.class)
                .hasMessageContaining("corrupt-deflate.dcm")
                .hasMessageContaining("byte offset");
    }

    @Test
    void aPixelRepresentationOfTheWrongVrDoesNotEscapeAsARuntimeException() {
        byte[] floatRepresentation = EncodedBytes.littleEndian().preamble().meta(EXPLICIT_LE)
                .explicitShort(Tag.PixelRepresentation, "FL", new byte[] {0, 0, (byte) 0x80, 0x3F})
                .explicitLongHeader(Tag.SmallestImagePixelValue, "UN", 2).u16(7)
                .toByteArray();
        byte[] hugeRepresentation = EncodedBytes.littleEndian().preamble().meta(EXPLICIT_LE)
                .explicitShort(Tag.PixelRepresentation, "UL", new byte[] {-1, -1, -1, -1})
                .explicitLongHeader(Tag.SmallestImagePixelValue, "UN", 2).u16(7)
                .toByteArray();

        for (byte[] bytes : new byte[][] {floatRepresentation, hugeRepresentation}) {
            try {
                DicomFile file = readStream(bytes);
                assertThat(file.dataset().contains(Tag.SmallestImagePixelValue)).isTrue();
            } catch (IOException e) {
                assertThat(e).isInstanceOf(DicomParseException.class).hasMessageContaining("byte offset");
            }
        }
    }

    @Test
    void aTransferSyntaxUidOfTheWrongVrIsADicomParseException() {
        byte[] bytes = EncodedBytes.littleEndian().preamble()
                .explicitLongHeader(Tag.TransferSyntaxUID, "OB", 20).ascii("1.2.840.10008.1.2.1\0")
                .explicitShort(0x00100020, "LO", "P1")
                .toByteArray();

        try {
            DicomFile file = readStream(bytes);
            assertThat(file.transferSyntax()).isEqualTo(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        } catch (IOException e) {
            assertThat(e).isInstanceOf(DicomParseException.class).hasMessageContaining("(0002,0010)");
        }
    }

    @Test
    void aValueRunningPastTheEndOfItsItemIsReported() {
        byte[] bytes = EncodedBytes.littleEndian().preamble().meta(EXPLICIT_LE)
                .explicitLongHeader(Tag.ContentSequence, "SQ", 8 + 10)
                .item(10)
                .explicitShort(Tag.CodeValue, "SH", "ABCDEFGHIJKL")
                .explicitShort(0x00100020, "LO", "P1")
                .toByteArray();

        try {
            DicomFile file = readStream(bytes);
            assertThat(file.warnings()).extracting(ReadWarning::tag).contains(Tag.CodeValue);
        } catch (IOException e) {
            assertThat(e).isInstanceOf(DicomParseException.class).hasMessageContaining("(0008,0100)");
        }
    }

    /** The inputs that fuzzing found, by the fuzz test method that found them. */
    static Stream<Path> findings() throws IOException, URISyntaxException {
        Path root = Path.of(DicomReaderHostileInputTest.class.getResource("DicomReaderFuzzTestFindings").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("findings")
    void fuzzFindingsAreReadOrRejectedSayingWhere(Path finding) throws IOException {
        byte[] bytes = Files.readAllBytes(finding);
        Path copy = Files.write(dir.resolve("finding.dcm"), bytes);

        DicomReaderFuzzTest.assertReadsOrRejectsWithOffset(() -> DicomReader.read(new ByteArrayInputStream(bytes),
                "finding", DicomReaderFuzzTest.STREAM_OPTIONS));
        DicomReaderFuzzTest.assertReadsOrRejectsWithOffset(() -> DicomReader.read(copy,
                DicomReaderFuzzTest.FILE_OPTIONS));
    }
}
