package org.kerma.dicom.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.kerma.dicom.BulkData;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.Fragments;
import org.kerma.dicom.Sequence;
import org.kerma.dicom.Tag;
import org.kerma.dicom.Tags;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.VR;

/**
 * Writes data sets and Part 10 files (PS3.10 section 7, PS3.5 section 7) in any native transfer syntax, deflated,
 * or, for objects whose Pixel Data is already in fragments, in their encapsulated transfer syntax.
 *
 * <p>Values are padded to even length with their VR's padding byte; existing group length elements get their value
 * recomputed; a value too long for a 16-bit explicit-VR length is written as UN, in little endian whatever the
 * transfer syntax (PS3.5 section 6.2.2); in implicit VR a sequence the dictionary does not know as SQ is written with
 * undefined length. An unmodified object read by {@link DicomReader} is written back byte for byte in its own
 * transfer syntax with {@link WriteOptions.LengthEncoding#AS_READ}, where the input was valid: odd-length values,
 * wrong group lengths and UN elements whose VR the reader resolved come out corrected.
 */
public final class DicomWriter {
    private static final byte[] PREAMBLE = new byte[128];

    private final OutputStream out;
    private final TransferSyntax ts;
    private final WriteOptions options;
    private final Map<DicomObject, Long> itemLengths = new IdentityHashMap<>();
    private final byte[] header = new byte[12];

    private DicomWriter(OutputStream out, TransferSyntax ts, WriteOptions options) {
        this.out = out;
        this.ts = ts;
        this.options = options;
    }

    /**
     * Writes a Part 10 file: preamble, "DICM", File Meta Information built by
     * {@link FileMetaInformation#create} from {@code previousMeta} (may be null), and the data set in {@code ts}.
     * Written to a temporary file beside {@code file}, forced to disk and renamed, so a reader never sees half a
     * file.
     */
    public static void writeFile(Path file, DicomObject previousMeta, DicomObject dataset, TransferSyntax ts,
                                 WriteOptions options) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Path part = Files.createTempFile(dir, file.getFileName().toString(), ".part");
        try {
            try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE)) {
                OutputStream os = new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch), 64 * 1024);
                writeFile(os, previousMeta, dataset, ts, options);
                os.flush();
                ch.force(true);
            }
            Files.move(part, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(part);
        }
    }

    /** Writes a Part 10 stream (see {@link #writeFile(Path, DicomObject, DicomObject, TransferSyntax, WriteOptions)}). */
    public static void writeFile(OutputStream os, DicomObject previousMeta, DicomObject dataset, TransferSyntax ts,
                                 WriteOptions options) throws IOException {
        os.write(PREAMBLE);
        os.write(new byte[] {'D', 'I', 'C', 'M'});
        DicomObject meta = FileMetaInformation.create(dataset, ts, previousMeta);
        DicomWriter metaWriter = new DicomWriter(os, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, options);
        long groupLength = 0;
        for (int i = 0; i < meta.size(); i++) {
            groupLength += metaWriter.elementLength(meta, i);
        }
        metaWriter.writeElement(Tag.FileMetaInformationGroupLength, VR.UL,
                new byte[] {(byte) groupLength, (byte) (groupLength >> 8), (byte) (groupLength >> 16),
                        (byte) (groupLength >> 24)});
        metaWriter.writeItemContent(meta);
        writeDataset(os, dataset, ts, options);
    }

    /** Writes a bare data set (no preamble or meta) in {@code ts}; a deflated syntax deflates it. Does not close. */
    public static void writeDataset(OutputStream os, DicomObject dataset, TransferSyntax ts, WriteOptions options)
            throws IOException {
        if (ts.deflated()) {
            Deflater deflater = new Deflater(options.deflateLevel(), true);
            try {
                DeflaterOutputStream dos = new DeflaterOutputStream(nonClosing(os), deflater, 8192);
                new DicomWriter(dos, ts, options).writeItemContent(dataset);
                dos.finish();
            } finally {
                deflater.end();
            }
        } else {
            new DicomWriter(os, ts, options).writeItemContent(dataset);
        }
        os.flush();
    }

    /** The encoded bytes of a bare data set. */
    public static byte[] encode(DicomObject dataset, TransferSyntax ts, WriteOptions options) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            writeDataset(bytes, dataset, ts, options);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static OutputStream nonClosing(OutputStream os) {
        return new java.io.FilterOutputStream(os) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    // ---- writing -----------------------------------------------------------------------------------------------

    private void writeItemContent(DicomObject item) throws IOException {
        for (int i = 0; i < item.size(); i++) {
            int tag = item.tagAt(i);
            VR vr = item.vrAt(i);
            Object value = item.valueAt(i);
            if (Tags.isGroupLength(tag) && Tags.group(tag) != 0x0002 && value instanceof byte[] b && b.length == 4) {
                value = groupLengthValue(item, i);
            }
            if (value instanceof Sequence seq) {
                writeSequence(tag, seq);
            } else if (value instanceof Fragments fragments) {
                writeFragments(tag, vr, fragments);
            } else {
                writeElement(tag, vr, value);
            }
        }
    }

    private byte[] groupLengthValue(DicomObject item, int index) throws IOException {
        int group = Tags.group(item.tagAt(index));
        long length = 0;
        for (int j = index + 1; j < item.size() && Tags.group(item.tagAt(j)) == group; j++) {
            length += elementLength(item, j);
        }
        return new byte[] {(byte) length, (byte) (length >> 8), (byte) (length >> 16), (byte) (length >> 24)};
    }

    private void writeSequence(int tag, Sequence seq) throws IOException {
        boolean undefined = undefinedLength(tag, seq);
        writeHeader(tag, VR.SQ, undefined ? 0xFFFFFFFFL : sequenceContentLength(seq));
        for (DicomObject item : seq.items()) {
            boolean undefinedItem = undefined(item.undefinedItemLength());
            writeItemHeader(Tags.ITEM, undefinedItem ? 0xFFFFFFFFL : itemLength(item));
            writeItemContent(item);
            if (undefinedItem) {
                writeItemHeader(Tags.ITEM_DELIMITATION, 0);
            }
        }
        if (undefined) {
            writeItemHeader(Tags.SEQUENCE_DELIMITATION, 0);
        }
    }

    private void writeFragments(int tag, VR vr, Fragments fragments) throws IOException {
        if (!ts.encapsulated()) {
            throw new IOException("cannot write encapsulated " + Tags.format(tag) + " in " + ts.name()
                    + ": Kerma does not decompress pixel data; write it in its own transfer syntax");
        }
        writeHeader(tag, vr == VR.OW ? VR.OW : VR.OB, 0xFFFFFFFFL);
        for (Object fragment : fragments.items()) {
            long length = fragment instanceof byte[] b ? b.length : ((BulkData) fragment).length();
            writeItemHeader(Tags.ITEM, length + (length & 1));
            writeValue(tag, VR.OB, fragment, length);
        }
        writeItemHeader(Tags.SEQUENCE_DELIMITATION, 0);
    }

    private void writeElement(int tag, VR vr, Object value) throws IOException {
        long length = value instanceof byte[] b ? b.length : ((BulkData) value).length();
        long padded = length + (length & 1);
        VR written = ts.explicitVr() && !vr.longHeader() && padded > 0xFFFF ? VR.UN : vr;
        writeHeader(tag, written, padded);
        // A UN value is little endian whatever the transfer syntax (PS3.5 section 6.2.2): never swapped.
        writeValue(tag, vr, value, length, ts.bigEndian() && written != VR.UN);
    }

    private void writeValue(int tag, VR vr, Object value, long length) throws IOException {
        writeValue(tag, vr, value, length, ts.bigEndian());
    }

    /** Writes the value, in big-endian byte order when {@code bigEndian} and the VR has one, then its padding. */
    private void writeValue(int tag, VR vr, Object value, long length, boolean bigEndian) throws IOException {
        if (value instanceof byte[] b) {
            if (bigEndian && vr.swapsBytes()) {
                byte[] swapped = b.clone();
                ByteSwap.swap(swapped, vr.swapUnit());
                out.write(swapped);
            } else {
                out.write(b);
            }
        } else {
            copyBulkData(tag, vr, (BulkData) value, bigEndian);
        }
        if ((length & 1) != 0) {
            out.write(vr.padding());
        }
    }

    private void copyBulkData(int tag, VR vr, BulkData ref, boolean bigEndian) throws IOException {
        Path path = Path.of(URI.create(ref.uri()));
        boolean swap = vr.swapsBytes() && ref.bigEndian() != bigEndian;
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
            long pos = ref.offset();
            long left = ref.length();
            while (left > 0) {
                buf.clear().limit((int) Math.min(buf.capacity(), left));
                int r = ch.read(buf, pos);
                if (r < 0) {
                    throw new IOException("bulk data of " + Tags.format(tag) + " in " + path + " ends at byte "
                            + pos + ", before its declared " + ref.length() + " bytes");
                }
                byte[] chunk = java.util.Arrays.copyOf(buf.array(), r);
                if (swap) {
                    ByteSwap.swap(chunk, vr.swapUnit());
                }
                out.write(chunk);
                pos += r;
                left -= r;
            }
        }
    }

    private void writeHeader(int tag, VR vr, long length) throws IOException {
        boolean be = ts.bigEndian();
        putShort(0, Tags.group(tag), be);
        putShort(2, Tags.element(tag), be);
        if (!ts.explicitVr()) {
            putInt(4, length, be);
            out.write(header, 0, 8);
        } else if (vr.longHeader()) {
            header[4] = (byte) vr.name().charAt(0);
            header[5] = (byte) vr.name().charAt(1);
            header[6] = 0;
            header[7] = 0;
            putInt(8, length, be);
            out.write(header, 0, 12);
        } else {
            header[4] = (byte) vr.name().charAt(0);
            header[5] = (byte) vr.name().charAt(1);
            putShort(6, (int) length, be);
            out.write(header, 0, 8);
        }
    }

    private void writeItemHeader(int tag, long length) throws IOException {
        boolean be = ts.bigEndian();
        putShort(0, Tags.group(tag), be);
        putShort(2, Tags.element(tag), be);
        putInt(4, length, be);
        out.write(header, 0, 8);
    }

    private void putShort(int at, int v, boolean be) {
        header[at] = (byte) (be ? v >> 8 : v);
        header[at + 1] = (byte) (be ? v : v >> 8);
    }

    private void putInt(int at, long v, boolean be) {
        for (int k = 0; k < 4; k++) {
            header[at + (be ? 3 - k : k)] = (byte) (v >> (8 * k));
        }
    }

    // ---- lengths -----------------------------------------------------------------------------------------------

    private boolean undefined(boolean asRead) {
        switch (options.sequenceLengths()) {
            case UNDEFINED: return true;
            case DEFINED: return false;
            default: return asRead;
        }
    }

    /**
     * Whether a sequence is written with undefined length. In implicit VR a reader knows a sequence of defined length
     * only from its dictionary, so a sequence whose tag the dictionary does not give as SQ (an unknown private
     * sequence, typically) always gets undefined length there: a reader then reads it as a sequence (PS3.5 section
     * 6.2.2), where a defined length would leave it an opaque UN value. Not when the dictionary says OB or OW, for
     * which an undefined length announces encapsulated fragments instead.
     */
    private boolean undefinedLength(int tag, Sequence seq) {
        if (!ts.explicitVr()) {
            VR known = seq.owner().dictionaryVr(tag);
            if (known != VR.SQ && known != VR.OB && known != VR.OW && tag != Tag.PixelData) {
                return true;
            }
        }
        return undefined(seq.undefinedLength());
    }

    private long itemLength(DicomObject item) {
        Long known = itemLengths.get(item);
        if (known != null) {
            return known;
        }
        long length = 0;
        for (int i = 0; i < item.size(); i++) {
            length += elementLength(item, i);
        }
        itemLengths.put(item, length);
        return length;
    }

    private long sequenceContentLength(Sequence seq) {
        long length = 0;
        for (DicomObject item : seq.items()) {
            length += 8 + itemLength(item) + (undefined(item.undefinedItemLength()) ? 8 : 0);
        }
        return length;
    }

    /** The encoded length of element {@code i} of {@code item}, header included. */
    private long elementLength(DicomObject item, int i) {
        VR vr = item.vrAt(i);
        Object value = item.valueAt(i);
        if (value instanceof Sequence seq) {
            long header = ts.explicitVr() ? 12 : 8;
            return header + sequenceContentLength(seq) + (undefinedLength(item.tagAt(i), seq) ? 8 : 0);
        }
        if (value instanceof Fragments fragments) {
            long length = (ts.explicitVr() ? 12 : 8) + 8;
            for (int k = 0; k < fragments.size(); k++) {
                long f = fragments.length(k);
                length += 8 + f + (f & 1);
            }
            return length;
        }
        long length = value instanceof byte[] b ? b.length : ((BulkData) value).length();
        long padded = length + (length & 1);
        boolean longHeader = !ts.explicitVr() || vr.longHeader() || padded > 0xFFFF;
        return padded + (ts.explicitVr() && longHeader ? 12 : 8);
    }
}
