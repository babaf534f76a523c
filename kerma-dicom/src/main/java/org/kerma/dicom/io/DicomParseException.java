package org.kerma.dicom.io;

import java.io.IOException;
import org.kerma.dicom.ElementDictionary;

/**
 * Input that cannot be read as DICOM. The message names the source, the byte offset and, where one was being read,
 * the tag: {@code "ct.dcm: value of (0010,0010) PatientName declares 4294967294 bytes but only 12 remain, at byte
 * offset 340"}.
 */
public class DicomParseException extends IOException {
    private final String source;
    private final long offset;
    private final int tag;
    private final String problem;

    /**
     * @param source a name for the input (file path or description)
     * @param offset byte offset in the input where the problem was found
     * @param tag    the tag being read, or -1 when none
     * @param what   what is wrong, in words
     */
    public DicomParseException(String source, long offset, int tag, String what) {
        this(source, offset, tag, what, null);
    }

    public DicomParseException(String source, long offset, int tag, String what, Throwable cause) {
        super(source + ": " + what + (tag != -1 ? " in " + ElementDictionary.standard().describe(tag) : "") + ", at byte offset " + offset, cause);
        this.source = source;
        this.offset = offset;
        this.tag = tag;
        this.problem = what;
    }

    public String source() {
        return source;
    }

    public long offset() {
        return offset;
    }

    /** What is wrong, in words, without the source, tag and offset that the message adds. */
    public String problem() {
        return problem;
    }

    /** The tag being read, or -1. */
    public int tag() {
        return tag;
    }
}
