package org.kerma.dicom;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * A DICOM data set (or a sequence item): elements kept in tag order, each with its VR and value.
 *
 * <p>Values are held as the reader found them, so an unmodified object is written back byte for byte: a
 * {@code byte[]} (binary VRs in little-endian order whatever the source encoding; text as encoded, padding
 * included), a {@link Sequence}, {@link Fragments} for encapsulated Pixel Data, or {@link BulkData} for a value left
 * in its file. Typed getters decode on demand; setters take the VR from the {@link ElementDictionary} (for private
 * tags, through the block's Private Creator), and the explicit-VR forms exist only for tags the dictionary does not
 * know.
 *
 * <p>Reading verbs: {@code findX(tag)} returns an {@code Optional} (empty when the element is absent or has no
 * value), {@code getX(tag, default)} a default, and the plural forms ({@link #strings}, {@link #doubles},
 * {@link #longs}) every value. A value that cannot be read as asked throws {@link InvalidValueException} naming the
 * tag and the value; there is no silent fallback.
 *
 * <p>Not thread-safe for writing; safe to read from several threads once no thread modifies it.
 */
public final class DicomObject {
    private static final int[] NO_TAGS = new int[0];

    private final DicomObject parent;
    private int[] tags = NO_TAGS;
    private VR[] vrs = new VR[0];
    private Object[] values = new Object[0];
    private long[] offsets = new long[0];
    private int size;
    private SpecificCharacterSet charset;
    private boolean undefinedItemLength = true;
    private long streamOffset = -1;

    /** A new, empty top-level data set. */
    public DicomObject() {
        this(null);
    }

    DicomObject(DicomObject parent) {
        this.parent = parent;
    }

    /** The data set holding the sequence this item belongs to, or empty for a top-level data set. */
    public Optional<DicomObject> parent() {
        return Optional.ofNullable(parent);
    }

    // ---- structure ---------------------------------------------------------------------------------------------

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public boolean contains(int tag) {
        return indexOf(tag) >= 0;
    }

    /** The tag of the element at {@code index} (0 &le; index &lt; size), in ascending tag order. */
    public int tagAt(int index) {
        Objects.checkIndex(index, size);
        return tags[index];
    }

    public VR vrAt(int index) {
        Objects.checkIndex(index, size);
        return vrs[index];
    }

    /** The raw value at {@code index}: byte[], {@link Sequence}, {@link Fragments} or {@link BulkData}. */
    public Object valueAt(int index) {
        Objects.checkIndex(index, size);
        return values[index];
    }

    /** Where the element's header began in the stream it was read from, or -1 for an element set in memory. */
    public long streamOffsetAt(int index) {
        Objects.checkIndex(index, size);
        return offsets[index];
    }

    /** The index of {@code tag}, or a negative number when absent. */
    public int indexOf(int tag) {
        if (size > 0 && Integer.compareUnsigned(tags[size - 1], tag) < 0) {
            return -size - 1;
        }
        int lo = 0;
        int hi = size - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            int c = Integer.compareUnsigned(tags[mid], tag);
            if (c < 0) {
                lo = mid + 1;
            } else if (c > 0) {
                hi = mid - 1;
            } else {
                return mid;
            }
        }
        return -(lo + 1);
    }

    /** The VR of the element, or empty when absent. */
    public Optional<VR> findVr(int tag) {
        int i = indexOf(tag);
        return i < 0 ? Optional.empty() : Optional.of(vrs[i]);
    }

    /** The raw value of the element (see {@link #valueAt}), or empty when absent. */
    public Optional<Object> findValue(int tag) {
        int i = indexOf(tag);
        return i < 0 ? Optional.empty() : Optional.of(values[i]);
    }

    // ---- typed reading -----------------------------------------------------------------------------------------

    /** The first value as a string, trimmed per VR; empty when absent or without value. */
    public Optional<String> findString(int tag) {
        List<String> all = strings(tag);
        return all.isEmpty() || all.get(0).isEmpty() ? Optional.empty() : Optional.of(all.get(0));
    }

    public String getString(int tag, String defaultValue) {
        return findString(tag).orElse(defaultValue);
    }

    /**
     * Every value as a string: text VRs split at backslash and trimmed; numbers, tags and dates as their DICOM text.
     * Empty when absent or without value.
     */
    public List<String> strings(int tag) {
        int i = indexOf(tag);
        if (i < 0 || !(values[i] instanceof byte[] bytes) || bytes.length == 0) {
            return List.of();
        }
        VR vr = effectiveVr(i);
        if (vr.isString()) {
            return ValueCodec.strings(bytes, vr, charset());
        }
        if (vr.kind() == VR.Kind.TAG) {
            long[] t = ValueCodec.longs(tag, bytes, vr);
            return Arrays.stream(t).mapToObj(v -> Tags.toHex((int) v)).toList();
        }
        if (vr.kind() == VR.Kind.BINARY_NUMBER) {
            if (vr == VR.FL || vr == VR.FD) {
                return Arrays.stream(ValueCodec.doubles(tag, bytes, vr)).mapToObj(Double::toString).toList();
            }
            return Arrays.stream(ValueCodec.longs(tag, bytes, vr)).mapToObj(Long::toString).toList();
        }
        throw new InvalidValueException(tag, vr, "", vr + " has no string form");
    }

    /** Every value as a double (DS, IS, FL, FD, US, SS, UL, SL, SV, UV); an empty DS/IS value gives NaN. */
    public double[] doubles(int tag) {
        int i = indexOf(tag);
        if (i < 0 || !(values[i] instanceof byte[] bytes) || bytes.length == 0) {
            return new double[0];
        }
        return ValueCodec.doubles(tag, bytes, effectiveVr(i));
    }

    public OptionalDouble findDouble(int tag) {
        double[] d = doubles(tag);
        return d.length == 0 || Double.isNaN(d[0]) ? OptionalDouble.empty() : OptionalDouble.of(d[0]);
    }

    public double getDouble(int tag, double defaultValue) {
        return findDouble(tag).orElse(defaultValue);
    }

    /** Every value as a long (IS, integral DS, US, SS, UL, SL, SV, UV, and AT as tag numbers). */
    public long[] longs(int tag) {
        int i = indexOf(tag);
        if (i < 0 || !(values[i] instanceof byte[] bytes) || bytes.length == 0) {
            return new long[0];
        }
        return ValueCodec.longs(tag, bytes, effectiveVr(i));
    }

    public OptionalLong findLong(int tag) {
        long[] l = longs(tag);
        return l.length == 0 ? OptionalLong.empty() : OptionalLong.of(l[0]);
    }

    /** The first value as an int; throws {@link InvalidValueException} when it does not fit. */
    public OptionalInt findInt(int tag) {
        OptionalLong l = findLong(tag);
        if (l.isEmpty()) {
            return OptionalInt.empty();
        }
        if (l.getAsLong() != (int) l.getAsLong()) {
            throw new InvalidValueException(tag, findVr(tag).orElse(VR.UN), Long.toString(l.getAsLong()),
                    "does not fit in an int");
        }
        return OptionalInt.of((int) l.getAsLong());
    }

    public int getInt(int tag, int defaultValue) {
        return findInt(tag).orElse(defaultValue);
    }

    /** The first value of a DA element. */
    public Optional<LocalDate> findDate(int tag) {
        return findString(tag).map(s -> ValueCodec.parseDate(tag, s));
    }

    /** The first value of a TM element; missing minutes and seconds are zero. */
    public Optional<LocalTime> findTime(int tag) {
        return findString(tag).map(s -> ValueCodec.parseTime(tag, s));
    }

    /** The first value of a DT element, with its precision and offset. */
    public Optional<DicomDateTime> findDateTime(int tag) {
        return findString(tag).map(s -> ValueCodec.parseDateTime(tag, s));
    }

    /** A DA element and a TM element combined (e.g. Acquisition Date and Acquisition Time); empty unless both have values. */
    public Optional<LocalDateTime> findDateTime(int dateTag, int timeTag) {
        Optional<LocalDate> d = findDate(dateTag);
        Optional<LocalTime> t = findTime(timeTag);
        return d.isPresent() && t.isPresent() ? Optional.of(d.get().atTime(t.get())) : Optional.empty();
    }

    /** The first value of a PN element. */
    public Optional<PersonName> findPersonName(int tag) {
        return findString(tag).map(PersonName::parse);
    }

    public Optional<Sequence> findSequence(int tag) {
        int i = indexOf(tag);
        return i >= 0 && values[i] instanceof Sequence s ? Optional.of(s) : Optional.empty();
    }

    /** The items of a sequence; an empty list when the sequence is absent or empty. */
    public List<DicomObject> items(int tag) {
        return findSequence(tag).map(Sequence::items).orElse(List.of());
    }

    /** The value bytes of a non-sequence element held in memory (binary VRs little endian). */
    public Optional<byte[]> findBytes(int tag) {
        int i = indexOf(tag);
        return i >= 0 && values[i] instanceof byte[] b ? Optional.of(b) : Optional.empty();
    }

    /**
     * The Specific Character Set that applies to this data set: its own (0008,0005), else its parent's, else the
     * default repertoire (PS3.5 section 6.1.2.5.4: items inherit unless they carry their own).
     */
    public SpecificCharacterSet charset() {
        SpecificCharacterSet cs = charset;
        if (cs == null) {
            int i = indexOf(Tag.SpecificCharacterSet);
            if (i >= 0 && values[i] instanceof byte[] b && b.length > 0) {
                cs = SpecificCharacterSet.ofValue(new String(b, java.nio.charset.StandardCharsets.ISO_8859_1));
            } else {
                cs = parent != null ? parent.charset() : SpecificCharacterSet.DEFAULT;
            }
            charset = cs;
        }
        return cs;
    }

    private VR effectiveVr(int i) {
        VR vr = vrs[i];
        if (vr == VR.UN) {
            VR known = dictionaryVr(tags[i]);
            if (known != null && known != VR.UN && known != VR.SQ) {
                return known;
            }
        }
        return vr;
    }

    // ---- writing -----------------------------------------------------------------------------------------------

    /**
     * Sets string values; the VR comes from the dictionary. Each value is checked against its VR (length,
     * characters, form of numbers, dates and times: PS3.5 Table 6.2-1) and must be encodable in this data set's
     * Specific Character Set; otherwise {@link InvalidValueException} names the tag and value and nothing is set.
     * Binary-number VRs take the values' decimal text.
     */
    public DicomObject setString(int tag, String... values) {
        return setString(tag, requireVr(tag), values);
    }

    /** As {@link #setString(int, String...)} with an explicit VR, for private or unknown tags. */
    public DicomObject setString(int tag, VR vr, String... values) {
        if (vr.isString()) {
            for (String v : values) {
                ValueChecks.check(tag, vr, v);
            }
            return putString(tag, vr, values);
        }
        if (vr == VR.UV) { // up to 2^64-1: beyond a long, so encoded here from the unsigned text
            return put(tag, vr, ValueCodec.encodeUnsigned64(
                    Arrays.stream(values).mapToLong(s -> parseBinaryInteger(tag, vr, s)).toArray()));
        }
        if (vr.kind() == VR.Kind.BINARY_NUMBER && vr != VR.FL && vr != VR.FD) {
            return setLong(tag, vr, Arrays.stream(values).mapToLong(s -> parseBinaryInteger(tag, vr, s)).toArray());
        }
        if (vr.kind() == VR.Kind.BINARY_NUMBER) {
            return setDouble(tag, vr, Arrays.stream(values).mapToDouble(s -> ValueCodec.parseDecimal(tag, vr, s)).toArray());
        }
        throw new InvalidValueException(tag, vr, String.join("\\", values), vr + " does not hold strings");
    }

    /**
     * Puts string values as given, encoded through the Specific Character Set but not checked against the VR's
     * rules: for decoders (DICOM JSON, XML) that must carry a source's values, valid or not, unchanged.
     */
    public DicomObject putString(int tag, VR vr, String... values) {
        if (!vr.isString()) {
            throw new InvalidValueException(tag, vr, String.join("\\", values), vr + " does not hold strings");
        }
        return put(tag, vr, ValueCodec.encodeStrings(tag, vr, tag == Tag.SpecificCharacterSet
                ? SpecificCharacterSet.DEFAULT : charset(), values));
    }

    private static long parseBinaryInteger(int tag, VR vr, String text) {
        String t = text.trim();
        try {
            return vr == VR.UV ? Long.parseUnsignedLong(t.startsWith("+") ? t.substring(1) : t)
                    : Long.parseLong(t.startsWith("+") ? t.substring(1) : t);
        } catch (NumberFormatException e) {
            throw new InvalidValueException(tag, vr, text, "not an integer within the range of " + vr);
        }
    }

    /**
     * Sets integer values (US, SS, UL, SL, SV, UV, IS, DS, FL, FD; AT as tag numbers); the VR comes from the
     * dictionary. UV values above 2^63-1 are set with {@link #setString} from their decimal text.
     */
    public DicomObject setLong(int tag, long... values) {
        return setLong(tag, requireVr(tag), values);
    }

    private DicomObject setLong(int tag, VR vr, long... values) {
        if (vr == VR.IS || vr == VR.DS) {
            return setString(tag, vr, Arrays.stream(values).mapToObj(Long::toString).toArray(String[]::new));
        }
        if (vr == VR.AT) {
            return put(tag, vr, ValueCodec.encodeTags(tag, values));
        }
        if (vr.kind() != VR.Kind.BINARY_NUMBER) {
            throw new InvalidValueException(tag, vr, Arrays.toString(values), vr + " does not hold numbers");
        }
        return put(tag, vr, ValueCodec.encodeBinary(tag, vr, values));
    }

    /** Sets decimal values (DS, FL, FD; integral values also for IS and binary integers); VR from the dictionary. */
    public DicomObject setDouble(int tag, double... values) {
        return setDouble(tag, requireVr(tag), values);
    }

    private DicomObject setDouble(int tag, VR vr, double... values) {
        if (vr == VR.DS) {
            return setString(tag, vr, Arrays.stream(values).mapToObj(v -> ValueCodec.formatDecimal(tag, v))
                    .toArray(String[]::new));
        }
        if (vr == VR.IS) {
            long[] l = new long[values.length];
            for (int k = 0; k < l.length; k++) {
                l[k] = ValueCodec.parseInteger(tag, vr, ValueCodec.formatDecimal(tag, values[k]));
            }
            return setLong(tag, vr, l);
        }
        if (vr.kind() != VR.Kind.BINARY_NUMBER) {
            throw new InvalidValueException(tag, vr, Arrays.toString(values), vr + " does not hold numbers");
        }
        return put(tag, vr, ValueCodec.encodeBinary(tag, vr, values));
    }

    public DicomObject setDate(int tag, LocalDate date) {
        return setString(tag, ValueCodec.formatDate(date));
    }

    public DicomObject setTime(int tag, LocalTime time) {
        return setString(tag, ValueCodec.formatTime(time));
    }

    public DicomObject setDateTime(int tag, LocalDateTime dateTime) {
        return setString(tag, ValueCodec.formatDate(dateTime.toLocalDate()) + ValueCodec.formatTime(dateTime.toLocalTime()));
    }

    /** Sets raw value bytes (binary VRs little endian); the VR comes from the dictionary. */
    public DicomObject setBytes(int tag, byte[] value) {
        VR vr = requireVr(tag);
        return put(tag, vr, ValueCodec.padded(value, vr));
    }

    /** Replaces the element with a new empty sequence and returns it. */
    public Sequence newSequence(int tag) {
        Sequence s = new Sequence(this);
        put(tag, VR.SQ, s);
        return s;
    }

    /**
     * Puts a value with an explicit VR: a byte[] (binary VRs little endian), {@link Sequence} (created by
     * {@link #newSequence}), {@link Fragments} or {@link BulkData}. The low-level verb the readers use.
     */
    public DicomObject put(int tag, VR vr, Object value) {
        return put(tag, vr, value, -1L);
    }

    /** As {@link #put(int, VR, Object)}, recording where the element was read. */
    public DicomObject put(int tag, VR vr, Object value, long streamOffset) {
        Objects.requireNonNull(vr, "vr");
        if (!(value instanceof byte[] || value instanceof Sequence || value instanceof Fragments
                || value instanceof BulkData)) {
            throw new IllegalArgumentException("value of " + Tags.format(tag) + " must be byte[], Sequence,"
                    + " Fragments or BulkData, not " + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        if (tag == Tag.SpecificCharacterSet) {
            invalidateCharset();
        }
        int i = indexOf(tag);
        if (i >= 0) {
            vrs[i] = vr;
            values[i] = value;
            offsets[i] = streamOffset;
            return this;
        }
        int at = -i - 1;
        if (size == tags.length) {
            int capacity = Math.max(8, size * 2);
            tags = Arrays.copyOf(tags, capacity);
            vrs = Arrays.copyOf(vrs, capacity);
            values = Arrays.copyOf(values, capacity);
            offsets = Arrays.copyOf(offsets, capacity);
        }
        if (at < size) {
            System.arraycopy(tags, at, tags, at + 1, size - at);
            System.arraycopy(vrs, at, vrs, at + 1, size - at);
            System.arraycopy(values, at, values, at + 1, size - at);
            System.arraycopy(offsets, at, offsets, at + 1, size - at);
        }
        tags[at] = tag;
        vrs[at] = vr;
        values[at] = value;
        offsets[at] = streamOffset;
        size++;
        return this;
    }

    /** Removes the element; returns true when it was present. */
    public boolean remove(int tag) {
        int i = indexOf(tag);
        if (i < 0) {
            return false;
        }
        System.arraycopy(tags, i + 1, tags, i, size - i - 1);
        System.arraycopy(vrs, i + 1, vrs, i, size - i - 1);
        System.arraycopy(values, i + 1, values, i, size - i - 1);
        System.arraycopy(offsets, i + 1, offsets, i, size - i - 1);
        size--;
        values[size] = null;
        if (tag == Tag.SpecificCharacterSet) {
            invalidateCharset();
        }
        return true;
    }

    private void invalidateCharset() {
        charset = null;
        for (int i = 0; i < size; i++) {
            if (values[i] instanceof Sequence s) {
                for (DicomObject item : s.items()) {
                    item.invalidateCharset();
                }
            }
        }
    }

    /** The VR the dictionary gives the tag; for private data elements, through this data set's Private Creator. */
    public VR dictionaryVr(int tag) {
        ElementDictionary dict = ElementDictionary.standard();
        if (Tags.isPrivate(tag) && !Tags.isPrivateCreator(tag) && !Tags.isGroupLength(tag)) {
            String creator = privateCreatorOf(tag);
            if (creator == null) {
                return VR.UN;
            }
            return dict.findPrivate(creator, tag).map(DictionaryEntry::vr).orElse(VR.UN);
        }
        return dict.vrOf(tag);
    }

    /** The Private Creator that reserved the block of a private data element in this data set, or null. */
    public String privateCreatorOf(int tag) {
        int i = indexOf(Tags.creatorOf(tag));
        if (i < 0 || !(values[i] instanceof byte[] b)) {
            return null;
        }
        return ValueCodec.trim(new String(b, java.nio.charset.StandardCharsets.ISO_8859_1), VR.LO);
    }

    private VR requireVr(int tag) {
        VR vr = dictionaryVr(tag);
        if (vr == VR.UN) {
            throw new IllegalArgumentException("the dictionary gives no VR for " + Tags.format(tag)
                    + "; pass the VR explicitly for private or unknown tags");
        }
        return vr;
    }

    // ---- encoding details kept for faithful writing ------------------------------------------------------------

    /** True when this item was read with (or is to be written with) undefined length. New items: true. */
    public boolean undefinedItemLength() {
        return undefinedItemLength;
    }

    public void undefinedItemLength(boolean undefined) {
        this.undefinedItemLength = undefined;
    }

    /** Where this item's header began in the stream it was read from, or -1. */
    public long streamOffset() {
        return streamOffset;
    }

    /** Records where this item was read; for readers. */
    public void streamOffset(long offset) {
        this.streamOffset = offset;
    }

    // ---- equality ----------------------------------------------------------------------------------------------

    /**
     * Two data sets are equal when they hold the same tags with the same VRs and equal values (bytes compared
     * exactly, sequences item by item). Encoding details (lengths, offsets) are not compared.
     */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DicomObject other) || other.size != size) {
            return false;
        }
        for (int i = 0; i < size; i++) {
            if (tags[i] != other.tags[i] || vrs[i] != other.vrs[i] || !valueEquals(values[i], other.values[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean valueEquals(Object a, Object b) {
        if (a instanceof byte[] x && b instanceof byte[] y) {
            return Arrays.equals(x, y);
        }
        if (a instanceof Sequence x && b instanceof Sequence y) {
            return x.items().equals(y.items());
        }
        if (a instanceof Fragments x && b instanceof Fragments y) {
            if (x.size() != y.size()) {
                return false;
            }
            for (int i = 0; i < x.size(); i++) {
                if (!valueEquals(x.items().get(i), y.items().get(i))) {
                    return false;
                }
            }
            return true;
        }
        return Objects.equals(a, b);
    }

    @Override
    public int hashCode() {
        int h = size;
        for (int i = 0; i < size; i++) {
            h = 31 * h + tags[i];
        }
        return h;
    }

    /** A compact listing of the elements (tag, VR, value), cut after about 2000 characters; for diagnostics. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(parent != null ? "item{" : "{");
        for (int i = 0; i < size && sb.length() < 2000; i++) {
            sb.append(i > 0 ? ", " : "").append(Tags.format(tags[i])).append(' ').append(vrs[i]).append(' ');
            Object v = values[i];
            if (v instanceof Sequence s) {
                sb.append(s.items());
            } else if (v instanceof byte[] b && vrs[i].isString()) {
                sb.append('[').append(new String(b, java.nio.charset.StandardCharsets.ISO_8859_1)).append(']');
            } else if (v instanceof byte[] b) {
                sb.append(b.length).append(" bytes");
            } else {
                sb.append(v);
            }
        }
        return sb.append(size > 0 && sb.length() >= 2000 ? ", ...}" : "}").toString();
    }
}
