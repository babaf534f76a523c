package org.kerma.dicom;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A cursor over the rows of a generated tab-separated table held as UTF-8 bytes: lines starting with '#' and blank
 * lines are skipped, a trailing '\r' is ignored, fields are split on '\t' by scanning bytes (no regex, no line
 * strings) and only when a field is asked for, and only the fields a caller asks for become strings. A cursor can
 * also be placed on one row by its offset ({@link #at(int)}), so that rows can be decoded lazily.
 *
 * <p>Not thread-safe: use one cursor per thread (they are cheap; the bytes are shared and never written).
 */
final class TabTable {
    private static final int MAX_FIELDS = 16;

    private final String source;
    private final byte[] data;
    private final int[] starts = new int[MAX_FIELDS];
    private final int[] ends = new int[MAX_FIELDS];
    private int fieldCount = -1;
    private int rowStart;
    private int rowEnd;
    private int pos;
    private int line;

    /**
     * @param source names the table in error messages (the resource name)
     * @param data   the table's bytes
     */
    TabTable(String source, byte[] data) {
        this.source = source;
        this.data = data;
    }

    /**
     * The bytes of a resource beside {@link TabTable}'s class, i.e. in {@code org/kerma/dicom/}.
     *
     * @throws IllegalStateException naming the resource when it is missing or unreadable
     */
    static byte[] resource(String name) {
        try (InputStream in = TabTable.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource org/kerma/dicom/" + name
                        + " is missing from the classpath (generate it with tools/generate-standard-data.sh)");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource org/kerma/dicom/" + name, e);
        }
    }

    /** Moves to the next data row; false at the end. */
    boolean next() {
        byte[] d = data;
        int n = d.length;
        while (pos < n) {
            int start = pos;
            int end = start;
            while (end < n && d[end] != '\n') {
                end++;
            }
            pos = end + 1;
            line++;
            if (end > start && d[end - 1] == '\r') {
                end--;
            }
            if (end > start && d[start] != '#') {
                rowStart = start;
                rowEnd = end;
                fieldCount = -1;
                return true;
            }
        }
        return false;
    }

    /**
     * Places the cursor on the row that starts at byte {@code offset} (a value of {@link #rowStart()}); the line
     * number for error messages is counted only when an error is reported.
     */
    TabTable at(int offset) {
        int end = offset;
        while (end < data.length && data[end] != '\n') {
            end++;
        }
        rowStart = offset;
        rowEnd = end > offset && data[end - 1] == '\r' ? end - 1 : end;
        pos = end + 1;
        line = -1;
        fieldCount = -1;
        return this;
    }

    /** The byte offset where the current row starts. */
    int rowStart() {
        return rowStart;
    }

    /** The length of the current row in bytes. */
    int rowLength() {
        return rowEnd - rowStart;
    }

    /** Byte {@code k} of the current row. */
    int rowByte(int k) {
        return data[rowStart + k];
    }

    private void split() {
        if (fieldCount >= 0) {
            return;
        }
        int start = rowStart;
        int end = rowEnd;
        fieldCount = 0;
        int from = start;
        for (int i = start; i <= end; i++) {
            if (i == end || data[i] == '\t') {
                if (fieldCount == MAX_FIELDS) {
                    throw error("more than " + MAX_FIELDS + " fields");
                }
                starts[fieldCount] = from;
                ends[fieldCount] = i;
                fieldCount++;
                from = i + 1;
            }
        }
    }

    /**
     * Checks the row has exactly {@code count} fields.
     *
     * @throws IllegalStateException otherwise
     */
    void requireFields(int count) {
        split();
        if (fieldCount != count) {
            throw error("expected " + count + " tab-separated fields, found " + fieldCount);
        }
    }

    /** Field {@code i} as a string. */
    String text(int i) {
        split();
        return new String(data, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8);
    }

    /** The length of field {@code i} in bytes. */
    int length(int i) {
        split();
        return ends[i] - starts[i];
    }

    /** Byte {@code k} of field {@code i}. */
    int byteAt(int i, int k) {
        split();
        return data[starts[i] + k];
    }

    /** True when field {@code i} is the single character {@code c}. */
    boolean is(int i, char c) {
        split();
        return length(i) == 1 && data[starts[i]] == c;
    }

    /**
     * Field {@code i} read as hex digits, from byte {@code from} (inclusive) to {@code to} (exclusive).
     *
     * @throws IllegalStateException for a character that is not a hex digit
     */
    int hex(int i, int from, int to) {
        int v = 0;
        for (int k = from; k < to; k++) {
            int d = hexDigit(byteAt(i, k));
            if (d < 0) {
                throw error("not a hex digit in '" + text(i) + "'");
            }
            v = (v << 4) | d;
        }
        return v;
    }

    /** The value of an ASCII hex digit (either case), -1 for any other byte. */
    static int hexDigit(int c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }

    /** An exception naming the table and the current line. */
    IllegalStateException error(String message) {
        return new IllegalStateException(source + ":" + lineNumber() + ": " + message);
    }

    private int lineNumber() {
        if (line < 0) {
            line = 1;
            for (int i = 0; i < rowStart; i++) {
                if (data[i] == '\n') {
                    line++;
                }
            }
        }
        return line;
    }
}
