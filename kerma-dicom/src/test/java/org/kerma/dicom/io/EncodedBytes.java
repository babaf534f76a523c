package org.kerma.dicom.io;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Builds DICOM byte streams by hand for reader tests, so each test shows exactly the bytes it feeds in.
 * Lengths are given explicitly where the test is about lengths.
 */
final class EncodedBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean bigEndian;

    private EncodedBytes(boolean bigEndian) {
        this.bigEndian = bigEndian;
    }

    static EncodedBytes littleEndian() {
        return new EncodedBytes(false);
    }

    static EncodedBytes bigEndian() {
        return new EncodedBytes(true);
    }

    /** 128 zero bytes and "DICM". */
    EncodedBytes preamble() {
        out.writeBytes(new byte[128]);
        out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    EncodedBytes tag(int tag) {
        return u16(tag >>> 16).u16(tag & 0xFFFF);
    }

    EncodedBytes u16(int v) {
        if (bigEndian) {
            out.write(v >> 8);
            out.write(v);
        } else {
            out.write(v);
            out.write(v >> 8);
        }
        return this;
    }

    EncodedBytes u32(long v) {
        if (bigEndian) {
            u16((int) (v >>> 16)).u16((int) v & 0xFFFF);
        } else {
            u16((int) v & 0xFFFF).u16((int) (v >>> 16));
        }
        return this;
    }

    EncodedBytes ascii(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
        return this;
    }

    EncodedBytes bytes(byte... b) {
        out.writeBytes(b);
        return this;
    }

    /** Explicit VR element with a short (16-bit) length. */
    EncodedBytes explicitShort(int tag, String vr, String value) {
        return tag(tag).ascii(vr).u16(value.length()).ascii(value);
    }

    /** Explicit VR element with a short length and raw value bytes. */
    EncodedBytes explicitShort(int tag, String vr, byte[] value) {
        return tag(tag).ascii(vr).u16(value.length).bytes(value);
    }

    /** Explicit VR header with the 32-bit length form (OB, SQ, UN, ...). */
    EncodedBytes explicitLongHeader(int tag, String vr, long length) {
        return tag(tag).ascii(vr).u16(0).u32(length);
    }

    EncodedBytes implicit(int tag, String value) {
        return tag(tag).u32(value.length()).ascii(value);
    }

    EncodedBytes implicitHeader(int tag, long length) {
        return tag(tag).u32(length);
    }

    EncodedBytes item(long length) {
        return tag(0xFFFEE000).u32(length);
    }

    EncodedBytes itemEnd() {
        return tag(0xFFFEE00D).u32(0);
    }

    EncodedBytes sequenceEnd() {
        return tag(0xFFFEE0DD).u32(0);
    }

    /** A minimal explicit-VR-LE file meta group naming the transfer syntax (with group length). */
    EncodedBytes meta(String transferSyntax) {
        String ts = transferSyntax.length() % 2 == 1 ? transferSyntax + "\0" : transferSyntax;
        EncodedBytes group = littleEndian().explicitShort(0x00020010, "UI", ts);
        byte[] g = group.toByteArray();
        tag(0x00020000).ascii("UL").u16(4);
        // meta is always little endian
        out.write(g.length);
        out.write(g.length >> 8);
        out.write(0);
        out.write(0);
        return bytes(g);
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }
}
