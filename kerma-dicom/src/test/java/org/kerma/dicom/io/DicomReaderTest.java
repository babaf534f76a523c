package org.kerma.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.dicom.BulkData;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Fragments;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.VR;

class DicomReaderTest {
    private static final int PATIENT_NAME = 0x00100010;
    private static final int PATIENT_ID = 0x00100020;
    private static final int ROWS = 0x00280010;
    private static final int CONTENT_SEQUENCE = 0x0040A730;
    private static final int CODE_VALUE = 0x00080100;

    @TempDir
    Path dir;

    private static DicomFile read(byte[] bytes) throws IOException {
        return DicomReader.read(new ByteArrayInputStream(bytes), "test", ReadOptions.DEFAULT);
    }

    @Test
    void readsExplicitLittleEndianFileWithPreambleAndMeta() throws IOException {
        byte[] bytes = EncodedBytes.littleEndian().preamble().meta("1.2.840.10008.1.2.1")
                .explicitShort(PATIENT_NAME, "PN", "Doe^John")
                .explicitShort(ROWS, "US", new byte[] {0x00, 0x02})
                .toByteArray();
        DicomFile file = read(bytes);
        assertThat(file.hasPreamble()).isTrue();
        assertThat(file.transferSyntax()).isEqualTo(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        assertThat(file.dataset().findString(PATIENT_NAME)).contains("Doe^John");
        assertThat(file.dataset().getInt(ROWS, -1)).isEqualTo(512);
        assertThat(file.dataset().streamOffsetAt(0)).isEqualTo(file.datasetOffset());
        assertThat(file.warnings()).isEmpty();
    }

    @Test
    void readsImplicitVrDataSetWithoutMetaTakingVrFromDictionary() throws IOException {
        byte[] bytes = EncodedBytes.littleEndian()
                .implicit(0x00080060, "CT")
                .implicit(PATIENT_NAME, "Doe^Jane")
                .implicitHeader(ROWS, 2).bytes((byte) 0x00, (byte) 0x01)
                .toByteArray();
        DicomFile file = read(bytes);
        assertThat(file.transferSyntax()).isEqualTo(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN);
        assertThat(file.dataset().findVr(ROWS)).contains(VR.US);
        assertThat(file.dataset().getInt(ROWS, -1)).isEqualTo(256);
        assertThat(file.dataset().findString(PATIENT_NAME)).contains("Doe^Jane");
        assertThat(file.warnings()).extracting(ReadWarning::message).anyMatch(m -> m.contains("no File Meta"));
    }

    @Test
    void swapsBinaryValuesOfBigEndianToLittleEndianInMemory() throws IOException {
        byte[] body = EncodedBytes.bigEndian()
                .explicitShort(ROWS, "US", new byte[] {0x02, 0x00})
                .explicitShort(PATIENT_ID, "LO", "ID42")
                .toByteArray();
        byte[] bytes = EncodedBytes.littleEndian().preamble().meta("1.2.840.10008.1.2.2").bytes(body).toByteArray();
        DicomFile file = read(bytes);
        assertThat(file.transferSyntax().bigEndian()).isTrue();
        assertThat(file.dataset().getInt(ROWS, -1)).isEqualTo(512);
        assertThat(file.dataset().findBytes(ROWS).orElseThrow()).containsExactly(0x00, 0x02);
        assertThat(file.dataset().findString(PATIENT_ID)).contains("ID42");
    }

    @Test
    void readsNestedSequencesOfUndefinedAndDefinedLength() throws IOException {
        byte[] inner = EncodedBytes.littleEndian().explicitShort(CODE_VALUE, "SH", "113701").toByteArray();
        byte[] bytes = EncodedBytes.littleEndian().preamble().meta("1.2.840.10008.1.2.1")
                .explicitLongHeader(CONTENT_SEQUENCE, "SQ", 0xFFFFFFFFL)
                .item(0xFFFFFFFFL)
                .explicitLongHeader(CONTENT_SEQUENCE, "SQ", 8 + inner.length)
                .item(inner.length).bytes(inner)
                .itemEnd()
                .sequenceEnd()
                .explicitShort(PATIENT_ID, "LO", "P1")
                .toByteArray();
        DicomObject ds = read(bytes).dataset();
        assertThat(ds.findSequence(CONTENT_SEQUENCE).orElseThrow().undefinedLength()).isTrue();
        DicomObject outer = ds.items(CONTENT_SEQUENCE).get(0);
        assertThat(outer.undefinedItemLength()).isTrue();
        assertThat(outer.findSequence(CONTENT_SEQUENCE).orElseThrow().undefinedLength()).isFalse();
        DicomObject innerItem = outer.items(CONTENT_SEQUENCE).get(0);
        assertThat(innerItem.undefinedItemLength()).isFalse();
        assertThat(innerItem.findString(CODE_VALUE)).contains("113701");
        assertThat(ds.findString(PATIENT_ID)).contains("P1");
    }

    @Test
    void readsUnknownVrWithUndefinedLengthAsImplicitSequence() throws IOException {
        byte[] item = EncodedBytes.littleEndian().implicit(CODE_VALUE, "113701").toByteArray();
        byte[] bytes = EncodedBytes.littleEndian().preamble().meta("1.2.840.10008.1.2.1")
                .explicitLongHeader(CONTENT_SEQUENCE, "UN", 0xFFFFFFFFL)
                .item(item.length).bytes(item)
                .sequenceEnd()
                .toByteArray();
        DicomFile file = read(bytes);
        assertThat(file.dataset().items(CONTENT_SEQUENCE)).hasSize(1);
        assertThat(file.dataset().items(CONTENT_SEQUENCE).get(0).findString(CODE_VALUE)).contains("113701");
        assertThat(file.warnings()).extracting(ReadWarning::message).anyMatch(m -> m.contains("UN with undefined"));
    }

    @Test
    void keepsEncapsulatedPixelDataAsFragmentsWithOffsets() throws IOException {
        byte[] bytes = EncodedBytes.littleEndian().preamble().meta("1.2.840.10008.1.2.4.50")
                .explicitLongHeader(Tag.PixelData, "OB", 0xFFFFFFFFL)
                .item(0)
                .item(4).bytes((byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9)
                .sequenceEnd()
                .toByteArray();
        DicomFile file = read(bytes);
        Fragments f = (Fragments) file.dataset().findValue(Tag.PixelData).orElseThrow();
        assertThat(f.size()).isEqualTo(2);
        assertThat(f.length(0)).isZero();
        assertThat((byte[]) f.items().get(1)).containsExactly(0xFF, 0xD8, 0xFF, 0xD9);
        assertThat(f.streamOffset(1)).isEqualTo(f.streamOffset(0) + 8);
    }

    @Test
    void stopsBeforePixelDataWhenAsked() throws IOException {
        byte[] bytes = EncodedBytes.littleEndian().preamble().meta("1.2.840.10008.1.2.1")
                .explicitShort(PATIENT_ID, "LO", "P1")
                .explicitLongHeader(Tag.PixelData, "OW", 4).bytes(new byte[4])
                .toByteArray();
        DicomFile file = DicomReader.read(new ByteArrayInputStream(bytes), "t",
                ReadOptions.DEFAULT.withStopBeforePixelData(true));
        assertThat(file.dataset().contains(Tag.PixelData)).isFalse();
        assertThat(file.stoppedAt()).isEqualTo(bytes.length - 16);
    }

    @Test
    void leavesLargeValuesInTheFileAsBulkDataReferences() throws IOException {
        byte[] pixels = new byte[4096];
        pixels[100] = 7;
        byte[] bytes = EncodedBytes.littleEndian().preamble().meta("1.2.840.10008.1.2.1")
                .explicitLongHeader(Tag.PixelData, "OW", pixels.length).bytes(pixels)
                .toByteArray();
        Path file = Files.write(dir.resolve("bulk.dcm"), bytes);
        DicomFile read = DicomReader.read(file, ReadOptions.DEFAULT.withBulkDataThreshold(1024));
        BulkData ref = (BulkData) read.dataset().findValue(Tag.PixelData).orElseThrow();
        assertThat(ref.offset()).isEqualTo(bytes.length - pixels.length);
        assertThat(ref.length()).isEqualTo(4096);
        assertThat(ref.uri()).isEqualTo(file.toUri().toString());
    }

    @Test
    void keepsOddLengthValueWithWarning() throws IOException {
        byte[] bytes = EncodedBytes.littleEndian().preamble().meta("1.2.840.10008.1.2.1")
                .explicitShort(PATIENT_ID, "LO", "ABC")
                .toByteArray();
        DicomFile file = read(bytes);
        assertThat(file.dataset().findString(PATIENT_ID)).contains("ABC");
        assertThat(file.warnings()).extracting(ReadWarning::message).containsExactly("odd value length 3");
    }

    @Test
    void rejectsEmptyFileNamingIt() throws IOException {
        Path file = Files.write(dir.resolve("empty.dcm"), new byte[0]);
        assertThatThrownBy(() -> DicomReader.read(file))
                .isInstanceOf(DicomParseException.class)
                .hasMessageContaining("empty.dcm")
                .hasMessageContaining("empty");
    }

    @Test
    void rejectsHostileLengthWithoutAllocatingIt() throws IOException {
        byte[] bytes = EncodedBytes.littleEndian().preamble().meta("1.2.840.10008.1.2.1")
                .explicitLongHeader(Tag.PixelData, "OB", 0xFFFFFFF0L).bytes(new byte[16])
                .toByteArray();
        Path file = Files.write(dir.resolve("hostile.dcm"), bytes);
        assertThatThrownBy(() -> DicomReader.read(file))
                .isInstanceOf(DicomParseException.class)
                .hasMessageContaining("hostile.dcm")
                .hasMessageContaining("(7FE0,0010)")
                .hasMessageContaining("4294967280")
                .hasMessageContaining("byte offset " + (bytes.length - 28));
    }

    @Test
    void rejectsHostileLengthOnAStreamOfUnknownSizeWithoutAllocatingIt() {
        byte[] bytes = EncodedBytes.littleEndian().preamble().meta("1.2.840.10008.1.2.1")
                .explicitLongHeader(Tag.PixelData, "OB", 0x7FFFFF00L).bytes(new byte[16])
                .toByteArray();
        assertThatThrownBy(() -> read(bytes))
                .isInstanceOf(DicomParseException.class)
                .hasMessageContaining("(7FE0,0010)")
                .hasMessageContaining("input ends");
    }

    @Test
    void rejectsTruncatedSequenceNamingTheSequence() {
        byte[] bytes = EncodedBytes.littleEndian().preamble().meta("1.2.840.10008.1.2.1")
                .explicitLongHeader(CONTENT_SEQUENCE, "SQ", 0xFFFFFFFFL)
                .item(0xFFFFFFFFL)
                .explicitShort(CODE_VALUE, "SH", "113701")
                .toByteArray();
        assertThatThrownBy(() -> read(bytes))
                .isInstanceOf(DicomParseException.class)
                .hasMessageContaining("(0040,A730)")
                .hasMessageContaining("missing delimiter or truncated");
    }

    @Test
    void rejectsNestingDeeperThanTheLimitInsteadOfOverflowingTheStack() {
        EncodedBytes b = EncodedBytes.littleEndian().preamble().meta("1.2.840.10008.1.2.1");
        for (int i = 0; i < 5000; i++) {
            b.explicitLongHeader(CONTENT_SEQUENCE, "SQ", 0xFFFFFFFFL).item(0xFFFFFFFFL);
        }
        byte[] bytes = b.toByteArray();
        assertThatThrownBy(() -> read(bytes))
                .isInstanceOf(DicomParseException.class)
                .hasMessageContaining("nested deeper than 128");
    }

    @Test
    void rejectsUnknownTransferSyntaxNamingIt() {
        byte[] bytes = EncodedBytes.littleEndian().preamble().meta("1.2.3.4.5")
                .explicitShort(PATIENT_ID, "LO", "P1")
                .toByteArray();
        assertThatThrownBy(() -> read(bytes))
                .isInstanceOf(DicomParseException.class)
                .hasMessageContaining("unknown transfer syntax '1.2.3.4.5'")
                .hasMessageContaining("(0002,0010)");
    }

    @Test
    void readsElementWithInvalidVrBytesAsImplicit() throws IOException {
        byte[] bytes = EncodedBytes.littleEndian().preamble().meta("1.2.840.10008.1.2.1")
                .tag(PATIENT_ID).u32(4).ascii("ID42")
                .explicitShort(0x00100030, "DA", "20240101")
                .toByteArray();
        DicomFile file = read(bytes);
        assertThat(file.dataset().findString(PATIENT_ID)).contains("ID42");
        assertThat(file.dataset().findString(0x00100030)).contains("20240101");
        assertThat(file.warnings()).extracting(ReadWarning::message).anyMatch(m -> m.contains("not a VR"));
    }

    @Test
    void refusesTextThatIsNotDicomSayingSo() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.txt"), "hello world, this is not DICOM at all");
        assertThatThrownBy(() -> DicomReader.read(file))
                .isInstanceOf(DicomParseException.class)
                .hasMessageContaining("notes.txt")
                .hasMessageContaining("not readable as DICOM (no preamble or File Meta Information")
                .hasMessageContaining("byte offset 0");
    }
}
