package org.kerma.dicom.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.kerma.dicom.BulkData;
import org.kerma.dicom.DictionaryEntry;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.ElementDictionary;
import org.kerma.dicom.Fragments;
import org.kerma.dicom.InvalidValueException;
import org.kerma.dicom.Sequence;
import org.kerma.dicom.Tag;
import org.kerma.dicom.Tags;
import org.kerma.dicom.TransferSyntax;
import org.kerma.dicom.VR;

/**
 * Reads DICOM Part 10 files and bare data sets (PS3.10 section 7, PS3.5 section 7).
 *
 * <p>Accepts: preamble and "DICM", or neither; File Meta Information with or without group length (and, as a
 * recorded deviation, in implicit VR); Implicit VR Little Endian, Explicit VR Little and Big Endian, Deflated
 * Explicit VR Little Endian, and encapsulated transfer syntaxes (Pixel Data kept as fragments, not decoded); defined
 * and undefined lengths; UN with undefined length (read as an implicit-VR sequence, PS3.5 section 6.2.2); odd value
 * lengths (kept, with a warning); elements after Pixel Data.
 *
 * <p>The parser is iterative (an explicit stack, no recursion), so nesting depth is limited only by
 * {@link ReadOptions#maxNestingDepth()}. Every length is checked against what remains before anything is allocated.
 * Errors are {@link DicomParseException}s naming the source, offset and tag; recoverable deviations become
 * {@link ReadWarning}s on the result.
 *
 * <p>Instances are not shared: each call to a static {@code read} method uses its own state; thread-safe.
 */
public final class DicomReader {
    private static final int BUFFER_SIZE = 16 * 1024;
    private static final int MAX_META_ELEMENTS = 1000;
    /** The largest value held in a Java array; larger ones must stay in their file as bulk data. */
    private static final long MAX_IN_MEMORY = Integer.MAX_VALUE - 16;

    private final DicomInput in;
    private final String source;
    /** The file being read, for bulk data references; null for a stream. */
    private final Path file;
    private String bulkDataUri;
    private final ReadOptions options;
    private final List<ReadWarning> warnings = new ArrayList<>();
    private final Header header = new Header();
    private int warningCount;

    private DicomReader(DicomInput in, String source, Path file, ReadOptions options) {
        this.in = in;
        this.source = source;
        this.file = file;
        this.options = options;
    }

    /** Reads a whole file with the default options. */
    public static DicomFile read(Path file) throws IOException {
        return read(file, ReadOptions.DEFAULT);
    }

    /** Reads a file; bulk data above the threshold is left in the file as references. */
    public static DicomFile read(Path file, ReadOptions options) throws IOException {
        long size = Files.size(file);
        try (InputStream stream = Files.newInputStream(file)) {
            DicomInput input = new DicomInput(stream, size, (int) Math.min(BUFFER_SIZE, Math.max(size, 256)));
            return new DicomReader(input, file.toString(), file, options).readFile();
        }
    }

    /**
     * Reads from a stream (which is not closed). {@code source} names it in errors. Bulk data is always read into
     * memory, as there is no file to refer to.
     */
    public static DicomFile read(InputStream stream, String source, ReadOptions options) throws IOException {
        DicomInput input = new DicomInput(stream, -1, BUFFER_SIZE);
        return new DicomReader(input, source, null, options).readFile();
    }

    /** Reads a bare data set in a known transfer syntax (as received in a DIMSE P-DATA stream). */
    public static DicomObject readDataset(InputStream stream, String source, TransferSyntax ts, ReadOptions options)
            throws IOException {
        DicomInput input = new DicomInput(stream, -1, BUFFER_SIZE);
        DicomReader reader = new DicomReader(input, source, null, options);
        DicomObject dataset = new DicomObject();
        try {
            if (ts.deflated()) {
                reader.inflate();
            }
            reader.readDataset(dataset, ts);
        } catch (EOFException e) {
            throw new DicomParseException(source, input.position(), -1, "unexpected end of input", e);
        } catch (ZipException e) {
            throw reader.corruptDeflate(e);
        } catch (RuntimeException e) {
            throw reader.unexpected(e);
        }
        return dataset;
    }

    // ---- file structure ----------------------------------------------------------------------------------------

    private DicomFile readFile() throws IOException {
        if (in.atEnd()) {
            throw new DicomParseException(source, 0, -1, "the file is empty");
        }
        try {
            boolean preamble = in.fill(132) >= 132 && magicAt(128);
            if (preamble) {
                in.skip(132);
            } else if (magicAt(0)) {
                in.skip(4);
                warn(0, -1, "\"DICM\" without the 128-byte preamble");
            }
            DicomObject meta = new DicomObject();
            TransferSyntax ts;
            if (in.peek(0) == 0x02 && in.peek(1) == 0x00) {
                readFileMeta(meta);
                ts = transferSyntaxOf(meta);
            } else {
                ts = guessTransferSyntax(preamble ? "no File Meta Information after \"DICM\""
                        : "no File Meta Information");
            }
            long datasetOffset = in.position();
            if (ts.deflated()) {
                inflate();
            }
            DicomObject dataset = new DicomObject();
            long stoppedAt;
            try {
                stoppedAt = readDataset(dataset, ts);
            } catch (DicomParseException e) {
                if (preamble || !meta.isEmpty() || dataset.size() > 0) {
                    throw e;
                }
                throw new DicomParseException(source, e.offset(), e.tag(), "not readable as DICOM (no preamble or"
                        + " File Meta Information, and its first element fails: " + e.problem() + ")", e);
            }
            return new DicomFile(meta, dataset, ts, preamble, datasetOffset, stoppedAt, List.copyOf(warnings),
                    warningCount);
        } catch (EOFException e) {
            throw new DicomParseException(source, in.position(), -1, "unexpected end of input (truncated file)", e);
        } catch (ZipException e) {
            throw corruptDeflate(e);
        } catch (RuntimeException e) {
            throw unexpected(e);
        }
    }

    private DicomParseException corruptDeflate(ZipException e) {
        return new DicomParseException(source, in.position(), -1, "the deflated data set is corrupt ("
                + e.getMessage() + "); offsets count in the inflated data", e);
    }

    /** A fault the parser did not anticipate: still reported as bad input, with where it happened. */
    private DicomParseException unexpected(RuntimeException e) {
        return new DicomParseException(source, in.position(), -1, "cannot parse the input (" + e + ")", e);
    }

    private boolean magicAt(int k) throws IOException {
        return in.peek(k) == 'D' && in.peek(k + 1) == 'I' && in.peek(k + 2) == 'C' && in.peek(k + 3) == 'M';
    }

    private void readFileMeta(DicomObject meta) throws IOException {
        boolean explicit = isVrAt(4);
        if (!explicit) {
            warn(in.position(), -1, "File Meta Information is in implicit VR; read as such");
        }
        TransferSyntax metaTs = explicit ? TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN
                : TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        long groupEnd = -1;
        int count = 0;
        if (in.peek(2) != 0 || in.peek(3) != 0) {
            warn(in.position(), Tag.FileMetaInformationGroupLength, "no File Meta Information Group Length"
                    + " (type 1 in PS3.10 7.1); meta group read up to the first element of another group");
        }
        while (in.peek(0) == 0x02 && in.peek(1) == 0x00 && in.peek(3) >= 0) {
            if (++count > MAX_META_ELEMENTS) {
                throw new DicomParseException(source, in.position(), -1, "more than " + MAX_META_ELEMENTS
                        + " elements in the File Meta Information");
            }
            if (groupEnd >= 0 && in.position() >= groupEnd && meta.contains(Tag.TransferSyntaxUID)) {
                break; // group 0002 elements beyond the group length belong to the data set (warned there)
            }
            long at = in.position();
            int tag = in.readTag(false);
            Header h = readHeader(tag, at, metaTs, meta);
            Object value = readValue(tag, h, at, metaTs);
            meta.put(tag, h.vr, value, at);
            if (tag == Tag.FileMetaInformationGroupLength && value instanceof byte[] b && b.length == 4) {
                groupEnd = in.position() + ((b[0] & 0xFFL) | (b[1] & 0xFFL) << 8 | (b[2] & 0xFFL) << 16
                        | (b[3] & 0xFFL) << 24);
            }
        }
        if (groupEnd >= 0 && groupEnd > in.position()) {
            warn(in.position(), Tag.FileMetaInformationGroupLength, "File Meta Information Group Length says the"
                    + " group ends at byte " + groupEnd + ", but it ends at byte " + in.position());
        }
    }

    private TransferSyntax transferSyntaxOf(DicomObject meta) throws DicomParseException {
        int index = meta.indexOf(Tag.TransferSyntaxUID);
        if (index >= 0 && meta.vrAt(index) != VR.UI) {
            throw new DicomParseException(source, meta.streamOffsetAt(index), Tag.TransferSyntaxUID,
                    "Transfer Syntax UID has VR " + meta.vrAt(index) + " instead of UI");
        }
        String uid = meta.findString(Tag.TransferSyntaxUID).orElse(null);
        if (uid == null) {
            try {
                return guessTransferSyntax("no Transfer Syntax UID in File Meta Information");
            } catch (IOException e) {
                throw new DicomParseException(source, in.position(), Tag.TransferSyntaxUID, "no transfer syntax", e);
            }
        }
        return TransferSyntax.find(uid).orElseThrow(() -> new DicomParseException(source,
                meta.streamOffsetAt(meta.indexOf(Tag.TransferSyntaxUID)), Tag.TransferSyntaxUID,
                "unknown transfer syntax '" + uid + "'"));
    }

    /** For a data set without File Meta Information: explicit if bytes 4-5 are a VR, byte order from the group. */
    private TransferSyntax guessTransferSyntax(String why) throws IOException {
        if (in.fill(8) < 8) {
            throw new DicomParseException(source, in.position(), -1, "too short to be a DICOM data set ("
                    + in.fill(8) + " bytes)");
        }
        boolean bigEndian = in.peek(0) == 0 && in.peek(1) != 0;
        TransferSyntax ts = isVrAt(4)
                ? (bigEndian ? TransferSyntax.EXPLICIT_VR_BIG_ENDIAN : TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN)
                : TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
        warn(in.position(), -1, why + "; data set read as " + ts.name() + ", as its first element suggests");
        return ts;
    }

    private boolean isVrAt(int k) throws IOException {
        int a = in.peek(k);
        int b = in.peek(k + 1);
        return a >= 0 && b >= 0 && VR.ofCode((a << 8) | b) != null;
    }

    private void inflate() throws IOException {
        boolean zlib = in.fill(2) >= 2 && (in.peek(0) & 0x0F) == 8 && ((in.peek(0) << 8) | in.peek(1)) % 31 == 0;
        if (zlib) {
            warn(in.position(), -1, "deflated data set has a zlib header (PS3.5 A.5 requires raw deflate); read"
                    + " as zlib");
        }
        in.wrapRest(s -> new InflaterInputStream(s, new Inflater(!zlib), 8192));
    }

    // ---- data set ----------------------------------------------------------------------------------------------

    /** A container being read: a data set or item (object != null), or a sequence (sequence != null). */
    private static final class Frame {
        final DicomObject object;
        final Sequence sequence;
        final long end;
        final boolean explicitVr;
        final boolean bigEndian;
        final int tag;
        /** For a sequence read from a UN value: its items should be implicit VR, but some writers use explicit. */
        final boolean fromUnknown;

        Frame(DicomObject object, Sequence sequence, long end, boolean explicitVr, boolean bigEndian, int tag,
              boolean fromUnknown) {
            this.object = object;
            this.sequence = sequence;
            this.end = end;
            this.explicitVr = explicitVr;
            this.bigEndian = bigEndian;
            this.tag = tag;
            this.fromUnknown = fromUnknown;
        }
    }

    /**
     * The header of the element being read. One instance per reader, refilled for each element (each header is used
     * up before the next is read), so that parsing allocates nothing per element beyond its value.
     * {@code fromUnknown}: the VR was resolved from an explicit UN.
     */
    private static final class Header {
        VR vr;
        long length;
        boolean fromUnknown;

        Header set(VR vr, long length, boolean fromUnknown) {
            this.vr = vr;
            this.length = length;
            this.fromUnknown = fromUnknown;
            return this;
        }
    }

    /**
     * Reads elements into {@code dataset} until the input ends (or Pixel Data, if asked). Returns the offset where
     * it stopped before Pixel Data, or -1.
     */
    private long readDataset(DicomObject dataset, TransferSyntax ts) throws IOException {
        ArrayDeque<Frame> stack = new ArrayDeque<>();
        stack.push(new Frame(dataset, null, -1, ts.explicitVr(), ts.bigEndian(), -1, false));
        while (true) {
            Frame f = stack.peek();
            if (f.end >= 0 && in.position() >= f.end) {
                stack.pop();
                continue;
            }
            if (in.atEnd()) {
                if (stack.size() == 1) {
                    return -1;
                }
                throw new DicomParseException(source, in.position(), f.tag, "input ends inside "
                        + (f.sequence != null ? "a sequence" : "an item") + " (missing delimiter or truncated file)");
            }
            if (f.sequence != null) {
                readItemHeader(stack, f);
                continue;
            }
            long at = in.position();
            int tag = in.readTag(f.bigEndian);
            if (Tags.isDelimiter(tag)) {
                readDelimiter(stack, f, tag, at);
                continue;
            }
            if (stack.size() == 1 && options.stopBeforePixelData() && isPixelData(tag)) {
                return at;
            }
            if (stack.size() == 1 && Tags.group(tag) == 0x0002) {
                warn(at, tag, "File Meta Information element in the data set (PS3.10 7.1 keeps group 0002 out of it)");
            }
            TransferSyntax enc = f.explicitVr ? (f.bigEndian ? TransferSyntax.EXPLICIT_VR_BIG_ENDIAN
                    : TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN) : TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN;
            Header h = resolveUnknownVr(tag, readHeader(tag, at, enc, f.object), enc, f.object);
            boolean undefined = h.length == 0xFFFFFFFFL;
            if (undefined && isSequenceWithUndefinedLength(tag, h)) {
                startSequence(stack, f, tag, h.length, h.vr == VR.UN || !f.explicitVr, h.vr == VR.UN, at);
            } else if (h.vr == VR.SQ && (undefined || h.length == 0 || itemFollows(f.bigEndian))) {
                startSequence(stack, f, tag, h.length, !f.explicitVr || h.fromUnknown, h.fromUnknown, at);
            } else if (h.vr == VR.SQ) {
                warn(at, tag, "the value of this sequence does not begin with an item; kept as UN");
                f.object.put(tag, VR.UN, readValue(tag, h.set(VR.UN, h.length, false), at, enc), at);
            } else {
                if (f.end >= 0 && !undefined && in.position() + h.length > f.end) {
                    throw new DicomParseException(source, at, tag, "value of " + h.length + " bytes runs past the"
                            + " end of its item or sequence at byte offset " + f.end);
                }
                f.object.put(tag, h.vr, readValue(tag, h, at, enc), at);
            }
        }
    }

    private static boolean isPixelData(int tag) {
        return tag == Tag.PixelData || tag == 0x7FE00008 || tag == 0x7FE00009;
    }

    private boolean isSequenceWithUndefinedLength(int tag, Header h) {
        return h.vr == VR.UN || (h.vr != VR.OB && h.vr != VR.OW && tag != Tag.PixelData);
    }

    /**
     * Starts a sequence. {@code implicitContent}: its items are in implicit VR little endian, as inside a UN value
     * (PS3.5 section 6.2.2) or in an implicit-VR data set.
     */
    private void startSequence(ArrayDeque<Frame> stack, Frame f, int tag, long length, boolean implicitContent,
                               boolean fromUnknown, long at) throws IOException {
        if (stack.size() / 2 >= options.maxNestingDepth()) {
            throw new DicomParseException(source, at, tag, "sequences nested deeper than "
                    + options.maxNestingDepth() + " levels");
        }
        Sequence seq = f.object.newSequence(tag);
        f.object.put(tag, VR.SQ, seq, at);
        boolean undefined = length == 0xFFFFFFFFL;
        seq.undefinedLength(undefined);
        long end = undefined ? -1 : checkedEnd(f, tag, at, length);
        stack.push(new Frame(null, seq, end, !implicitContent, !implicitContent && f.bigEndian, tag, fromUnknown));
    }

    /** True when the next four bytes are an Item tag (FFFE,E000). */
    private boolean itemFollows(boolean bigEndian) throws IOException {
        return bigEndian
                ? in.peek(0) == 0xFF && in.peek(1) == 0xFE && in.peek(2) == 0xE0 && in.peek(3) == 0x00
                : in.peek(0) == 0xFE && in.peek(1) == 0xFF && in.peek(2) == 0x00 && in.peek(3) == 0xE0;
    }

    /**
     * A UN of undefined length, or one whose tag the dictionary calls SQ, is read as a sequence in implicit VR
     * little endian (PS3.5 section 6.2.2), so that its items can be navigated; this holds in Explicit VR Big Endian
     * too, a UN value being little endian whatever the transfer syntax. Other UN elements stay UN as they were
     * encoded (so an unmodified object is written back byte for byte); the typed getters decode them through the
     * dictionary's VR.
     */
    private Header resolveUnknownVr(int tag, Header h, TransferSyntax enc, DicomObject context) {
        if (h.vr != VR.UN || !enc.explicitVr()) {
            return h;
        }
        if (h.length == 0xFFFFFFFFL) {
            warn(in.position(), tag, "UN with undefined length read as a sequence in implicit VR little endian");
            return h;
        }
        if (Tags.isPrivateCreator(tag)) {
            warn(in.position(), tag, "Private Creator encoded as UN; read as LO, its VR in PS3.5 7.8.1");
            return h.set(VR.LO, h.length, true);
        }
        return implicitVr(tag, context) == VR.SQ ? h.set(VR.SQ, h.length, true) : h;
    }

    private void readItemHeader(ArrayDeque<Frame> stack, Frame f) throws IOException {
        long at = in.position();
        int tag = in.readTag(f.bigEndian);
        long length = in.readInt(f.bigEndian) & 0xFFFFFFFFL;
        if (tag == Tags.ITEM) {
            DicomObject item = f.sequence.addItem();
            item.undefinedItemLength(length == 0xFFFFFFFFL);
            item.streamOffset(at);
            long end = length == 0xFFFFFFFFL ? -1 : checkedEnd(f, f.tag, at, length);
            boolean explicit = f.explicitVr;
            if (f.fromUnknown && !explicit && length != 0 && isVrAt(4)) {
                warn(at, f.tag, "item of a UN sequence is in explicit VR (PS3.5 6.2.2 requires implicit); read as"
                        + " explicit VR");
                explicit = true;
            }
            stack.push(new Frame(item, null, end, explicit, f.bigEndian, f.tag, false));
        } else if (tag == Tags.SEQUENCE_DELIMITATION) {
            if (f.end >= 0) {
                warn(at, f.tag, "sequence delimitation item in a sequence of defined length");
            }
            stack.pop();
        } else if (tag == Tags.ITEM_DELIMITATION) {
            warn(at, f.tag, "item delimitation item outside an item; ignored");
        } else {
            throw new DicomParseException(source, at, f.tag, "expected an item (FFFE,E000) in the sequence, found "
                    + Tags.format(tag));
        }
    }

    private void readDelimiter(ArrayDeque<Frame> stack, Frame f, int tag, long at) throws IOException {
        long length = in.readInt(f.bigEndian) & 0xFFFFFFFFL;
        if (length != 0) {
            warn(at, tag, "delimitation item with non-zero length " + length);
        }
        if (tag == Tags.ITEM_DELIMITATION && stack.size() > 1 && f.end < 0) {
            stack.pop();
        } else if (tag == Tags.SEQUENCE_DELIMITATION && stack.size() > 1 && f.end < 0) {
            warn(at, tag, "sequence ended without an item delimitation item");
            stack.pop();
            stack.pop();
        } else if (stack.size() == 1 && tag == Tags.SEQUENCE_DELIMITATION) {
            warn(at, tag, "sequence delimitation item at the top level of the data set; ignored");
        } else {
            warn(at, tag, "unexpected " + Tags.format(tag) + "; ignored");
        }
    }

    private long checkedEnd(Frame parent, int tag, long at, long length) throws DicomParseException {
        long end = in.position() + length;
        if (length > in.remaining()) {
            throw new DicomParseException(source, at, tag, "length " + length + " runs past the end of the input ("
                    + in.remaining() + " bytes remain)");
        }
        if (parent.end >= 0 && end > parent.end) {
            throw new DicomParseException(source, at, tag, "length " + length + " runs past the end of the"
                    + " enclosing item or sequence at byte offset " + parent.end);
        }
        return end;
    }

    // ---- elements ----------------------------------------------------------------------------------------------

    private Header readHeader(int tag, long at, TransferSyntax enc, DicomObject context) throws IOException {
        if (!enc.explicitVr()) {
            long length = in.readInt(false) & 0xFFFFFFFFL;
            return header.set(implicitVr(tag, context), length, false);
        }
        int a = in.peek(0);
        int b = in.peek(1);
        VR vr = a >= 0 && b >= 0 ? VR.ofCode((a << 8) | b) : null;
        if (vr != null) {
            in.skip(2);
            if (vr.longHeader()) {
                in.skip(2);
                return header.set(vr, in.readInt(enc.bigEndian()) & 0xFFFFFFFFL, false);
            }
            return header.set(vr, in.readUnsignedShort(enc.bigEndian()), false);
        }
        if (a >= 'A' && a <= 'Z' && b >= 'A' && b <= 'Z') {
            warn(at, tag, "unknown VR '" + (char) a + (char) b + "'; read as UN with a 32-bit length");
            in.skip(4);
            return header.set(VR.UN, in.readInt(enc.bigEndian()) & 0xFFFFFFFFL, false);
        }
        // Not a VR at all: the element was written in implicit VR (a known encoder fault); take VR from dictionary.
        warn(at, tag, String.format("bytes 0x%02X 0x%02X are not a VR; element read as implicit VR", a, b));
        long length = in.readInt(enc.bigEndian()) & 0xFFFFFFFFL;
        return header.set(implicitVr(tag, context), length, false);
    }

    /** The VR of an implicit-VR element: from the dictionary, resolving multi-VR tags as PS3.5 Annex A.1 says. */
    private VR implicitVr(int tag, DicomObject context) {
        if (Tags.isPrivate(tag)) {
            return context.dictionaryVr(tag);
        }
        DictionaryEntry e = ElementDictionary.standard().find(tag).orElse(null);
        if (e == null) {
            return VR.UN;
        }
        List<VR> vrs = e.vrs();
        if (vrs.size() <= 1) {
            return e.vr();
        }
        if (vrs.contains(VR.OW)) {
            return VR.OW;
        }
        if (vrs.contains(VR.SS) && signedPixels(context)) {
            return VR.SS;
        }
        return vrs.get(0);
    }

    /** Pixel Representation (0028,0103) is 1 (two's complement); a malformed value counts as unsigned. */
    private static boolean signedPixels(DicomObject context) {
        try {
            return context.getInt(Tag.PixelRepresentation, 0) == 1;
        } catch (InvalidValueException e) {
            return false;
        }
    }

    private Object readValue(int tag, Header h, long at, TransferSyntax enc) throws IOException {
        if (h.length == 0xFFFFFFFFL) {
            if (tag == Tag.PixelData || h.vr == VR.OB || h.vr == VR.OW) {
                return readFragments(tag, at, enc);
            }
            throw new DicomParseException(source, at, tag, h.vr + " value with undefined length");
        }
        if (h.length > in.remaining()) {
            throw new DicomParseException(source, at, tag, "value declares " + h.length + " bytes but only "
                    + in.remaining() + " remain");
        }
        if ((h.length & 1) != 0) {
            warn(at, tag, "odd value length " + h.length);
        }
        if (h.length >= options.bulkDataThreshold() && file != null && in.lengthKnown()) {
            BulkData ref = new BulkData(bulkDataUri(), in.position(), h.length, enc.bigEndian());
            in.skip(h.length);
            return ref;
        }
        if (h.length > MAX_IN_MEMORY) {
            throw new DicomParseException(source, at, tag, "value of " + h.length + " bytes is too large to hold in"
                    + " memory; read the file from disk with a bulk data threshold");
        }
        byte[] bytes;
        try {
            bytes = in.readBytes(h.length);
        } catch (EOFException e) {
            throw new DicomParseException(source, at, tag, "value declares " + h.length
                    + " bytes but the input ends first", e);
        }
        if (enc.bigEndian() && h.vr.swapsBytes() && !h.fromUnknown) { // UN bytes are little endian
            ByteSwap.swap(bytes, h.vr.swapUnit());
        }
        return bytes;
    }

    private Fragments readFragments(int tag, long at, TransferSyntax enc) throws IOException {
        Fragments fragments = new Fragments();
        while (true) {
            long itemAt = in.position();
            int itemTag = in.readTag(enc.bigEndian());
            long length = in.readInt(enc.bigEndian()) & 0xFFFFFFFFL;
            if (itemTag == Tags.SEQUENCE_DELIMITATION) {
                return fragments;
            }
            if (itemTag != Tags.ITEM) {
                throw new DicomParseException(source, itemAt, tag, "expected a fragment item (FFFE,E000) in"
                        + " encapsulated pixel data, found " + Tags.format(itemTag));
            }
            if (length == 0xFFFFFFFFL || length > in.remaining()) {
                throw new DicomParseException(source, itemAt, tag, "fragment length " + length
                        + " exceeds the " + in.remaining() + " bytes that remain");
            }
            if (length >= options.bulkDataThreshold() && file != null && in.lengthKnown()) {
                fragments.add(new BulkData(bulkDataUri(), in.position(), length, false), itemAt);
                in.skip(length);
            } else if (length > MAX_IN_MEMORY) {
                throw new DicomParseException(source, itemAt, tag, "fragment of " + length + " bytes is too large"
                        + " to hold in memory; read the file from disk with a bulk data threshold");
            } else {
                fragments.add(in.readBytes(length), itemAt);
            }
        }
    }

    /** The file's URI for bulk data references, computed on first use (most reads never need it). */
    private String bulkDataUri() {
        if (bulkDataUri == null) {
            bulkDataUri = file.toUri().toString();
        }
        return bulkDataUri;
    }

    private void warn(long offset, int tag, String message) {
        warningCount++;
        if (warnings.size() < options.maxWarnings()) {
            warnings.add(new ReadWarning(offset, tag, message));
        }
    }

}
