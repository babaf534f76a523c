package org.kerma.dicom.json;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kerma.dicom.BulkData;
import org.kerma.dicom.Fragments;

/**
 * Chooses the BulkDataURI of a value written as bulk data (PS3.18 section F.2.6, PS3.19 section A.1.5).
 *
 * <p>Kerma's own form for a value left in a file, {@link #fileReference}, puts the offset and length in the URI's
 * <em>fragment</em>: {@code file:///archive/ct.dcm#offset=1234&length=524288}, with {@code &endian=big} added for a
 * value from an Explicit VR Big Endian file. A fragment (not a query) because it selects part of the resource the URI
 * names, and is never sent to a server. Readers turn exactly this form back into a {@link BulkData}.
 */
@FunctionalInterface
public interface BulkDataUris {

    /**
     * The URI for {@code value}.
     *
     * @throws IllegalArgumentException when this function cannot give one; the writer reports it with the path
     */
    String uriFor(BulkDataValue value);

    /**
     * The default: values left in their file (a {@link BulkData}, or {@link Fragments} whose fragments were left in
     * the file) get a {@link #fileReference}; in-memory values get none, so they must be written inline.
     */
    BulkDataUris FILE_REFERENCES = value -> {
        if (value.value() instanceof BulkData b) {
            return fileReference(b);
        }
        if (value.value() instanceof Fragments f) {
            return fileReference(encapsulatedRange(f));
        }
        throw new IllegalArgumentException("the value is in memory and no BulkDataUris function was given to name"
                + " it; raise the inline threshold or pass a BulkDataUris");
    };

    /** {@code uri#offset=N&length=N} (and {@code &endian=big} for big-endian bytes). */
    static String fileReference(BulkData b) {
        return b.uri() + "#offset=" + b.offset() + "&length=" + b.length() + (b.bigEndian() ? "&endian=big" : "");
    }

    /** The {@link BulkData} of a URI in the form {@link #fileReference} writes; empty for any other URI. */
    static Optional<BulkData> parseFileReference(String uri) {
        Matcher m = FileReferencePattern.PATTERN.matcher(uri);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new BulkData(m.group(1), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                    m.group(4) != null));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * The bytes of an encapsulated value as it lies in its file: from the first item header to the end of the last
     * fragment (item headers included, sequence delimiter not), the same form as InlineBinary of encapsulated data.
     *
     * @throws IllegalArgumentException when the fragments were not read from one file
     */
    static BulkData encapsulatedRange(Fragments f) {
        String uri = null;
        for (Object item : f.items()) {
            if (item instanceof BulkData b) {
                if (uri != null && !uri.equals(b.uri())) {
                    throw new IllegalArgumentException("the fragments lie in different files");
                }
                uri = b.uri();
            }
        }
        if (uri == null || f.streamOffset(0) < 0) {
            throw new IllegalArgumentException("the fragments are in memory, not in a file");
        }
        int last = f.size() - 1;
        Object lastItem = f.items().get(last);
        long end = lastItem instanceof BulkData b ? b.offset() + b.length()
                : f.streamOffset(last) + 8 + f.length(last);
        return new BulkData(uri, f.streamOffset(0), end - f.streamOffset(0), false);
    }
}
