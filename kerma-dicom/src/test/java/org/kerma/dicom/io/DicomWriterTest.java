package org.kerma.dicom.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Sequence;
import org.kerma.dicom.Tag;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.VR;

class DicomWriterTest {
    @TempDir
    Path dir;

    static TransferSyntax[] nativeSyntaxes() {
        return new TransferSyntax[] {TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN};
    }

    static DicomObject sample() {
        DicomObject ds = new DicomObject();
        ds.setString(Tag.SOPClassUID, "1.2.840.10008.5.1.4.1.1.88.67");
        ds.setString(Tag.SOPInstanceUID, "1.2.3.4.5");
        ds.setString(0x00100010, "Doe^John");
        ds.setString(0x00100020, "ODD");
        ds.setLong(0x00280010, 512);
        ds.setDouble(0x00180060, 80.5);
        ds.setLong(0x00280106, 65535);
        Sequence content = ds.newSequence(0x0040A730);
        DicomObject item = content.addItem();
        item.setString(0x0040A040, "NUM");
        Sequence measured = item.newSequence(0x0040A300);
        measured.addItem().setString(0x0040A30A, "0.15");
        measured.undefinedLength(false);
        measured.item(0).undefinedItemLength(false);
        ds.put(0x7FE00010, VR.OW, new byte[] {1, 2, 3, 4, 5, 6});
        return ds;
    }

    @ParameterizedTest
    @MethodSource("nativeSyntaxes")
    void writesAndReadsBackTheSameDataSet(TransferSyntax ts) throws IOException {
        DicomObject ds = sample();
        Path file = dir.resolve("out.dcm");
        DicomWriter.writeFile(file, null, ds, ts, WriteOptions.DEFAULT);
        DicomFile read = DicomReader.read(file);
        assertThat(read.transferSyntax()).isEqualTo(ts);
        assertThat(read.dataset()).isEqualTo(ds);
        assertThat(read.warnings()).isEmpty();
        assertThat(read.fileMeta().findString(0x00020012)).contains(FileMetaInformation.IMPLEMENTATION_CLASS_UID);
        assertThat(read.fileMeta().findString(0x00020002)).contains("1.2.840.10008.5.1.4.1.1.88.67");
    }

    @ParameterizedTest
    @MethodSource("nativeSyntaxes")
    void reproducesAnUnmodifiedDataSetByteForByte(TransferSyntax ts) throws IOException {
        byte[] first = DicomWriter.encode(sample(), ts, WriteOptions.DEFAULT);
        DicomObject again = DicomReader.readDataset(new ByteArrayInputStream(first), "t", ts, ReadOptions.DEFAULT);
        byte[] second = DicomWriter.encode(again, ts, WriteOptions.DEFAULT);
        assertThat(second).isEqualTo(first);
    }

    @ParameterizedTest
    @EnumSource(WriteOptions.LengthEncoding.class)
    void encodesSequenceLengthsAsAsked(WriteOptions.LengthEncoding lengths) throws IOException {
        byte[] bytes = DicomWriter.encode(sample(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
                WriteOptions.DEFAULT.withSequenceLengths(lengths));
        DicomObject read = DicomReader.readDataset(new ByteArrayInputStream(bytes), "t",
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, ReadOptions.DEFAULT);
        assertThat(read).isEqualTo(sample());
        Sequence outer = read.findSequence(0x0040A730).orElseThrow();
        Sequence inner = outer.item(0).findSequence(0x0040A300).orElseThrow();
        switch (lengths) {
            case UNDEFINED -> assertThat(outer.undefinedLength() && inner.undefinedLength()).isTrue();
            case DEFINED -> assertThat(outer.undefinedLength() || inner.undefinedLength()).isFalse();
            case AS_READ -> assertThat(outer.undefinedLength() && !inner.undefinedLength()).isTrue();
        }
    }

    @Test
    void padsOddValuesWithTheirVrPaddingByte() {
        DicomObject ds = new DicomObject();
        ds.setString(0x00100020, "ODD");
        ds.setString(Tag.SOPInstanceUID, "1.2.3");
        byte[] bytes = DicomWriter.encode(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        assertThat(Arrays.copyOfRange(bytes, 8, 14)).containsExactly('1', '.', '2', '.', '3', 0);
        assertThat(Arrays.copyOfRange(bytes, 22, 26)).containsExactly('O', 'D', 'D', ' ');
    }

    @Test
    void writesAValueTooLongForA16BitLengthAsUn() throws IOException {
        DicomObject ds = new DicomObject();
        char[] text = new char[70000];
        Arrays.fill(text, 'x');
        ds.put(0x00081030, VR.LO, new String(text).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        byte[] bytes = DicomWriter.encode(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        assertThat(new String(bytes, 4, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("UN");
        DicomObject read = DicomReader.readDataset(new ByteArrayInputStream(bytes), "t",
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, ReadOptions.DEFAULT);
        assertThat(read.findString(0x00081030)).hasValueSatisfying(s -> assertThat(s).hasSize(70000));
    }

    @Test
    void writesATooLongBinaryValueAsUnInLittleEndianEvenInBigEndian() throws IOException {
        byte[] lut = new byte[65536];
        for (int i = 0; i < lut.length; i++) {
            lut[i] = (byte) (i * 7);
        }
        DicomObject ds = new DicomObject();
        ds.put(0x00283006, VR.US, lut);
        byte[] bytes = DicomWriter.encode(ds, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, WriteOptions.DEFAULT);
        assertThat(new String(bytes, 4, 2, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("UN");
        assertThat(Arrays.copyOfRange(bytes, 12, bytes.length)).as("UN value bytes, never swapped").isEqualTo(lut);
        byte[] little = DicomWriter.encode(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        assertThat(Arrays.copyOfRange(little, 12, little.length)).isEqualTo(lut);
    }

    @Test
    void readsBackATooLongBinaryValueWrittenInBigEndianAsLittleEndianUn() throws IOException {
        byte[] lut = new byte[65536];
        for (int i = 0; i < lut.length; i++) {
            lut[i] = (byte) (i * 7);
        }
        DicomObject ds = new DicomObject();
        ds.put(0x00283006, VR.US, lut);
        byte[] bytes = DicomWriter.encode(ds, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, WriteOptions.DEFAULT);
        DicomObject read = DicomReader.readDataset(new ByteArrayInputStream(bytes), "t",
                TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, ReadOptions.DEFAULT);
        // A UN stays UN as encoded; the getters decode it through the dictionary's VR (US for LUT Data).
        assertThat(read.findVr(0x00283006)).contains(VR.UN);
        assertThat(read.findBytes(0x00283006).orElseThrow()).isEqualTo(lut);
        assertThat(read.longs(0x00283006)[1]).isEqualTo((lut[2] & 0xFF) | (lut[3] & 0xFF) << 8);
    }

    @ParameterizedTest
    @EnumSource(WriteOptions.LengthEncoding.class)
    void writesAnUnknownPrivateSequenceInImplicitVrSoThatItIsReadBackAsASequence(WriteOptions.LengthEncoding lengths)
            throws IOException {
        DicomObject ds = new DicomObject();
        ds.setString(0x00090010, VR.LO, "NO SUCH CREATOR");
        Sequence priv = ds.newSequence(0x00091001);
        priv.undefinedLength(false);
        DicomObject item = priv.addItem();
        item.undefinedItemLength(false);
        item.setString(0x00100020, "P1");
        Sequence empty = ds.newSequence(0x00091002);
        empty.undefinedLength(false);
        byte[] bytes = DicomWriter.encode(ds, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
                WriteOptions.DEFAULT.withSequenceLengths(lengths));
        DicomObject read = DicomReader.readDataset(new ByteArrayInputStream(bytes), "t",
                TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, ReadOptions.DEFAULT);
        assertThat(read.findSequence(0x00091001)).as("private sequence read back").isPresent();
        assertThat(read.findSequence(0x00091002)).as("empty private sequence read back").isPresent();
        assertThat(read).isEqualTo(ds);
    }

    @Test
    void keepsTheDefinedLengthOfASequenceWhoseTagTheDictionaryKnowsInImplicitVr() {
        DicomObject ds = new DicomObject();
        Sequence known = ds.newSequence(0x0040A730);
        known.undefinedLength(false);
        known.addItem().undefinedItemLength(false);
        byte[] bytes = DicomWriter.encode(ds, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        assertThat(bytes).hasSize(16).startsWith(0x40, 0x00, 0x30, 0xA7, 8, 0, 0, 0);
    }

    @Test
    void takesMediaStorageUidsFromTheDataSetNotFromThePreviousMeta() throws IOException {
        DicomObject previous = new DicomObject();
        previous.setString(0x00020002, "1.2.840.10008.5.1.4.1.1.2");
        previous.setString(0x00020003, "1.2.3.999");
        previous.setString(0x00020016, "SENDER");
        Path file = dir.resolve("meta.dcm");
        DicomWriter.writeFile(file, previous, sample(), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        DicomObject meta = DicomReader.read(file).fileMeta();
        assertThat(meta.findString(0x00020002)).contains("1.2.840.10008.5.1.4.1.1.88.67");
        assertThat(meta.findString(0x00020003)).contains("1.2.3.4.5");
        assertThat(meta.findString(0x00020016)).contains("SENDER");
        DicomObject noUids = new DicomObject();
        noUids.setString(0x00100020, "P1");
        DicomWriter.writeFile(file, previous, noUids, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        assertThat(DicomReader.read(file).fileMeta().findString(0x00020003)).as("fallback to the previous meta")
                .contains("1.2.3.999");
    }

    @Test
    void recomputesGroupLengthElements() throws IOException {
        DicomObject ds = new DicomObject();
        ds.put(0x00080000, VR.UL, new byte[] {99, 0, 0, 0});
        ds.setString(0x00080060, "CT");
        ds.setString(0x00100020, "P1");
        byte[] bytes = DicomWriter.encode(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        DicomObject read = DicomReader.readDataset(new ByteArrayInputStream(bytes), "t",
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, ReadOptions.DEFAULT);
        assertThat(read.getInt(0x00080000, -1)).isEqualTo(10);
    }

    @Test
    void copiesBulkDataFromItsFileWhenWriting() throws IOException {
        DicomObject ds = sample();
        byte[] pixels = new byte[10000];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) i;
        }
        ds.put(0x7FE00010, VR.OW, pixels);
        Path big = dir.resolve("big.dcm");
        DicomWriter.writeFile(big, null, ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT);
        DicomFile withRef = DicomReader.read(big, ReadOptions.DEFAULT.withBulkDataThreshold(1000));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DicomWriter.writeDataset(out, withRef.dataset(), TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, WriteOptions.DEFAULT);
        DicomObject back = DicomReader.readDataset(new ByteArrayInputStream(out.toByteArray()), "t",
                TransferSyntax.EXPLICIT_VR_BIG_ENDIAN, ReadOptions.DEFAULT);
        assertThat(back.findBytes(0x7FE00010).orElseThrow()).isEqualTo(pixels);
    }

    @Test
    void refusesToWriteEncapsulatedPixelDataInANativeSyntax() throws IOException {
        DicomObject ds = new DicomObject();
        org.kerma.dicom.Fragments f = new org.kerma.dicom.Fragments();
        f.add(new byte[0], -1);
        f.add(new byte[] {1, 2}, -1);
        ds.put(0x7FE00010, VR.OB, f);
        assertThatThrownBy(() -> DicomWriter.writeDataset(new ByteArrayOutputStream(), ds,
                TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, WriteOptions.DEFAULT))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("(7FE0,0010)")
                .hasMessageContaining("does not decompress");
        Path file = dir.resolve("jpeg.dcm");
        TransferSyntax jpeg = TransferSyntax.find("1.2.840.10008.1.2.4.50").orElseThrow();
        DicomWriter.writeFile(file, null, ds, jpeg, WriteOptions.DEFAULT);
        assertThat(DicomReader.read(file).dataset()).isEqualTo(ds);
        assertThat(Files.size(file)).isGreaterThan(132);
    }
}
