package org.kerma.net.pdu;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.kerma.net.pdu.UserInformation.AsyncOperationsWindow;
import org.kerma.net.pdu.UserInformation.CommonExtendedNegotiation;
import org.kerma.net.pdu.UserInformation.ExtendedNegotiation;
import org.kerma.net.pdu.UserInformation.RoleSelection;

/**
 * Decodes PDUs from a stream (PS3.8 section 9.3). Every length is checked against its limit or its enclosing item
 * before anything is allocated: a P-DATA-TF PDU may be at most the maximum length this side announced, an
 * association PDU at most {@link #MAX_ASSOCIATE_LENGTH}. Unknown items and sub-items inside the association PDUs
 * are skipped (PS3.8 9.3.1: "items ... not recognized shall be ignored"). Not thread-safe: one reader per
 * connection, used by the connection's reading thread.
 */
public final class PduReader {

    /** Upper bound of an A-ASSOCIATE-RQ/AC PDU body: 128 contexts of many transfer syntaxes fit in far less. */
    public static final int MAX_ASSOCIATE_LENGTH = 1 << 20;

    private final InputStream in;
    private final byte[] header = new byte[6];
    private long position;
    private int maxPDataLength;
    private boolean reuse;
    private byte[] pdataBuffer = new byte[0];

    /**
     * @param in             the connection's input, ideally buffered
     * @param maxPDataLength largest P-DATA-TF PDU body accepted (this side's maximum length received; 0 = the
     *                       {@link #MAX_ASSOCIATE_LENGTH} default bound)
     */
    public PduReader(InputStream in, int maxPDataLength) {
        this.in = in;
        this.maxPDataLength = maxPDataLength == 0 ? MAX_ASSOCIATE_LENGTH : maxPDataLength;
    }

    /** Changes the P-DATA-TF bound, e.g. once the association is negotiated. */
    public void maxPDataLength(int max) {
        this.maxPDataLength = max == 0 ? MAX_ASSOCIATE_LENGTH : max;
    }

    /**
     * When on, P-DATA-TF bodies are read into one buffer that the next P-DATA-TF overwrites: the caller must be done
     * with the PDVs of one PDU before reading the next (as the DIMSE layer is). Saves an allocation per PDU.
     */
    public void reuseBuffers(boolean on) {
        this.reuse = on;
    }

    /** Bytes consumed so far. */
    public long position() {
        return position;
    }

    /**
     * Reads the next PDU; returns null when the stream ends cleanly before a PDU starts.
     *
     * @throws PduFormatException for an unknown type, a bad length or a malformed item, naming the offset
     * @throws EOFException       when the stream ends inside a PDU
     */
    public Pdu read() throws IOException {
        int first = in.read();
        if (first < 0) {
            return null;
        }
        header[0] = (byte) first;
        readFully(header, 1, 5);
        long start = position;
        position += 6;
        int type = header[0] & 0xff;
        long length = ((header[2] & 0xffL) << 24) | ((header[3] & 0xff) << 16) | ((header[4] & 0xff) << 8)
                | (header[5] & 0xff);
        return switch (type) {
            case Pdu.TYPE_ASSOCIATE_RQ, Pdu.TYPE_ASSOCIATE_AC -> readAssociate(type, length, start);
            case Pdu.TYPE_ASSOCIATE_RJ -> {
                byte[] b = fixed(type, length, start);
                yield new AssociateRj(b[1] & 0xff, b[2] & 0xff, b[3] & 0xff);
            }
            case Pdu.TYPE_P_DATA_TF -> readPData(length, start);
            case Pdu.TYPE_RELEASE_RQ -> {
                fixed(type, length, start);
                yield new ReleaseRq();
            }
            case Pdu.TYPE_RELEASE_RP -> {
                fixed(type, length, start);
                yield new ReleaseRp();
            }
            case Pdu.TYPE_ABORT -> {
                byte[] b = fixed(type, length, start);
                yield new Abort(b[2] & 0xff, b[3] & 0xff);
            }
            default -> throw new PduFormatException(String.format("unknown PDU type 0x%02X", type), start, -1,
                    Abort.REASON_UNRECOGNIZED_PDU);
        };
    }

    private byte[] fixed(int type, long length, long start) throws IOException {
        if (length != 4) {
            throw new PduFormatException(String.format("PDU type 0x%02X has length %d, must be 4", type, length),
                    start + 2, 4, Abort.REASON_INVALID_PDU_PARAMETER_VALUE);
        }
        byte[] b = new byte[4];
        readFully(b, 0, 4);
        position += 4;
        return b;
    }

    private PDataTf readPData(long length, long start) throws IOException {
        if (length > maxPDataLength) {
            throw new PduFormatException("P-DATA-TF PDU length " + length + " exceeds the maximum length received",
                    start + 2, maxPDataLength, Abort.REASON_INVALID_PDU_PARAMETER_VALUE);
        }
        if (length < 6) {
            throw new PduFormatException("P-DATA-TF PDU length " + length + " cannot hold a PDV item", start + 2, 6,
                    Abort.REASON_INVALID_PDU_PARAMETER_VALUE);
        }
        int n = (int) length;
        byte[] body;
        if (reuse) {
            if (pdataBuffer.length < n) {
                pdataBuffer = new byte[n];
            }
            body = pdataBuffer;
        } else {
            body = new byte[n];
        }
        readFully(body, 0, n);
        long base = position;
        position += length;
        List<Pdv> pdvs = new ArrayList<>(2);
        int p = 0;
        while (p < n) {
            if (n - p < 6) {
                throw new PduFormatException("PDV item header truncated: " + (n - p) + " bytes left",
                        base + p, n - p, Abort.REASON_INVALID_PDU_PARAMETER_VALUE);
            }
            long itemLength = u32(body, p);
            if (itemLength < 2 || itemLength > n - p - 4) {
                throw new PduFormatException("PDV item length " + itemLength + " does not fit the P-DATA-TF PDU",
                        base + p, n - p - 4, Abort.REASON_INVALID_PDU_PARAMETER_VALUE);
            }
            int contextId = body[p + 4] & 0xff;
            int control = body[p + 5] & 0xff;
            pdvs.add(new Pdv(contextId, (control & 1) != 0, (control & 2) != 0, body, p + 6, (int) itemLength - 2));
            p += 4 + (int) itemLength;
        }
        return new PDataTf(pdvs);
    }

    private Pdu readAssociate(int type, long length, long start) throws IOException {
        String name = type == Pdu.TYPE_ASSOCIATE_RQ ? "A-ASSOCIATE-RQ" : "A-ASSOCIATE-AC";
        if (length > MAX_ASSOCIATE_LENGTH || length < 68) {
            throw new PduFormatException(name + " PDU length " + length + " is outside 68.." + MAX_ASSOCIATE_LENGTH,
                    start + 2, MAX_ASSOCIATE_LENGTH, Abort.REASON_INVALID_PDU_PARAMETER_VALUE);
        }
        byte[] body = readGrowing((int) length);
        long base = position;
        position += length;
        Items items = new Items(body, base);
        int version = u16(body, 0);
        String called = ascii(body, 4, 16).trim();
        String calling = ascii(body, 20, 16).trim();
        String appContext = null;
        List<PresentationContextItem> rq = new ArrayList<>();
        List<PresentationContextResult> ac = new ArrayList<>();
        UserInformation user = null;
        int p = 68;
        while (p < body.length) {
            int itemType = items.type(p);
            int itemLength = items.length(p, body.length);
            int v = p + 4;
            switch (itemType) {
                case 0x10 -> appContext = uid(body, v, itemLength);
                case 0x20 -> {
                    if (type == Pdu.TYPE_ASSOCIATE_RQ) {
                        rq.add(items.presentationContextRq(v, itemLength));
                    }
                }
                case 0x21 -> {
                    if (type == Pdu.TYPE_ASSOCIATE_AC) {
                        ac.add(items.presentationContextAc(v, itemLength));
                    }
                }
                case 0x50 -> user = items.userInformation(v, itemLength);
                default -> {
                    // PS3.8 9.3.1: unrecognised items are ignored
                }
            }
            p = v + itemLength;
        }
        if (appContext == null) {
            throw new PduFormatException(name + " has no application context item", base + 68, -1,
                    Abort.REASON_INVALID_PDU_PARAMETER_VALUE);
        }
        if (user == null) {
            throw new PduFormatException(name + " has no user information item", base + 68, -1,
                    Abort.REASON_INVALID_PDU_PARAMETER_VALUE);
        }
        return type == Pdu.TYPE_ASSOCIATE_RQ
                ? new AssociateRq(version, called, calling, appContext, rq, user)
                : new AssociateAc(version, called, calling, appContext, ac, user);
    }

    /** Item walker over one association PDU body. */
    private record Items(byte[] b, long base) {

        int type(int p) throws PduFormatException {
            if (b.length - p < 4) {
                throw new PduFormatException("item header truncated: " + (b.length - p) + " bytes left", base + p, 4,
                        Abort.REASON_INVALID_PDU_PARAMETER_VALUE);
            }
            return b[p] & 0xff;
        }

        int length(int p, int end) throws PduFormatException {
            int length = u16(b, p + 2);
            if (length > end - p - 4) {
                throw new PduFormatException(String.format("item 0x%02X length %d exceeds its enclosing item",
                        b[p] & 0xff, length), base + p + 2, end - p - 4, Abort.REASON_INVALID_PDU_PARAMETER_VALUE);
            }
            return length;
        }

        PresentationContextItem presentationContextRq(int v, int length) throws PduFormatException {
            checkMin(v, length, 4, "presentation context");
            int id = b[v] & 0xff;
            String abstractSyntax = null;
            List<String> ts = new ArrayList<>();
            int end = v + length;
            int p = v + 4;
            while (p < end) {
                int t = type(p);
                int l = length(p, end);
                if (t == 0x30) {
                    abstractSyntax = uid(b, p + 4, l);
                } else if (t == 0x40) {
                    ts.add(uid(b, p + 4, l));
                }
                p += 4 + l;
            }
            if (abstractSyntax == null) {
                throw new PduFormatException("presentation context " + id + " has no abstract syntax", base + v, -1,
                        Abort.REASON_INVALID_PDU_PARAMETER_VALUE);
            }
            return new PresentationContextItem(id, abstractSyntax, ts);
        }

        PresentationContextResult presentationContextAc(int v, int length) throws PduFormatException {
            checkMin(v, length, 4, "presentation context result");
            int id = b[v] & 0xff;
            int result = b[v + 2] & 0xff;
            String ts = "";
            int end = v + length;
            int p = v + 4;
            while (p < end) {
                int t = type(p);
                int l = length(p, end);
                if (t == 0x40) {
                    ts = uid(b, p + 4, l);
                }
                p += 4 + l;
            }
            return new PresentationContextResult(id, result, ts);
        }

        UserInformation userInformation(int v, int length) throws PduFormatException {
            long maxLength = 0;
            String implClass = "";
            String implVersion = null;
            AsyncOperationsWindow async = null;
            List<RoleSelection> roles = new ArrayList<>();
            List<ExtendedNegotiation> ext = new ArrayList<>();
            List<CommonExtendedNegotiation> common = new ArrayList<>();
            UserIdentity identity = null;
            byte[] identityResponse = null;
            int end = v + length;
            int p = v;
            while (p < end) {
                int t = type(p);
                int l = length(p, end);
                int s = p + 4;
                switch (t) {
                    case 0x51 -> {
                        checkMin(s, l, 4, "maximum length");
                        maxLength = u32(b, s);
                    }
                    case 0x52 -> implClass = uid(b, s, l);
                    case 0x53 -> {
                        checkMin(s, l, 4, "asynchronous operations window");
                        async = new AsyncOperationsWindow(u16(b, s), u16(b, s + 2));
                    }
                    case 0x54 -> {
                        int ul = prefixed(s, s + l, "role selection");
                        checkMin(s, l, 2 + ul + 2, "role selection");
                        roles.add(new RoleSelection(uid(b, s + 2, ul), b[s + 2 + ul] != 0, b[s + 3 + ul] != 0));
                    }
                    case 0x55 -> implVersion = ascii(b, s, l).trim();
                    case 0x56 -> {
                        int ul = prefixed(s, s + l, "extended negotiation");
                        ext.add(new ExtendedNegotiation(uid(b, s + 2, ul),
                                java.util.Arrays.copyOfRange(b, s + 2 + ul, s + l)));
                    }
                    case 0x57 -> common.add(commonExtended(s, l));
                    case 0x58 -> identity = userIdentity(s, l);
                    case 0x59 -> {
                        int rl = prefixed(s, s + l, "user identity response");
                        identityResponse = java.util.Arrays.copyOfRange(b, s + 2, s + 2 + rl);
                    }
                    default -> {
                        // unknown sub-item: ignored (PS3.7 D.3.3)
                    }
                }
                p = s + l;
            }
            return new UserInformation(maxLength, implClass, implVersion, async, roles, ext, common, identity,
                    identityResponse);
        }

        private CommonExtendedNegotiation commonExtended(int s, int l) throws PduFormatException {
            int end = s + l;
            int sopLength = prefixed(s, end, "common extended negotiation");
            String sop = uid(b, s + 2, sopLength);
            int p = s + 2 + sopLength;
            int serviceLength = prefixed(p, end, "common extended negotiation service class");
            String service = uid(b, p + 2, serviceLength);
            p += 2 + serviceLength;
            List<String> related = new ArrayList<>();
            if (p < end) {
                int relatedLength = prefixed(p, end, "related general SOP classes");
                int q = p + 2;
                int relatedEnd = q + relatedLength;
                while (q < relatedEnd) {
                    int ul = prefixed(q, relatedEnd, "related general SOP class");
                    related.add(uid(b, q + 2, ul));
                    q += 2 + ul;
                }
            }
            return new CommonExtendedNegotiation(sop, service, related);
        }

        private UserIdentity userIdentity(int s, int l) throws PduFormatException {
            int end = s + l;
            checkMin(s, l, 4, "user identity");
            int type = b[s] & 0xff;
            boolean response = b[s + 1] != 0;
            int primaryLength = prefixed(s + 2, end, "user identity primary field");
            byte[] primary = java.util.Arrays.copyOfRange(b, s + 4, s + 4 + primaryLength);
            int p = s + 4 + primaryLength;
            byte[] secondary = new byte[0];
            if (p < end) {
                int secondaryLength = prefixed(p, end, "user identity secondary field");
                secondary = java.util.Arrays.copyOfRange(b, p + 2, p + 2 + secondaryLength);
            }
            return new UserIdentity(type, response, primary, secondary);
        }

        /** Reads a 2-byte length at {@code p} and checks that the field it prefixes ends by {@code end}. */
        private int prefixed(int p, int end, String what) throws PduFormatException {
            if (end - p < 2) {
                throw new PduFormatException(what + ": length field truncated", base + p, end - p,
                        Abort.REASON_INVALID_PDU_PARAMETER_VALUE);
            }
            int length = u16(b, p);
            if (length > end - p - 2) {
                throw new PduFormatException(what + " length " + length + " exceeds its sub-item", base + p,
                        end - p - 2, Abort.REASON_INVALID_PDU_PARAMETER_VALUE);
            }
            return length;
        }

        private void checkMin(int v, int length, int min, String what) throws PduFormatException {
            if (length < min) {
                throw new PduFormatException(what + " item length " + length + " is shorter than " + min, base + v,
                        min, Abort.REASON_INVALID_PDU_PARAMETER_VALUE);
            }
        }
    }

    /** Reads {@code length} bytes, growing the array only as bytes arrive: a claimed length alone allocates 64 KiB. */
    private byte[] readGrowing(int length) throws IOException {
        byte[] b = new byte[Math.min(length, 64 * 1024)];
        int n = 0;
        while (n < length) {
            if (n == b.length) {
                b = java.util.Arrays.copyOf(b, (int) Math.min(length, 2L * b.length));
            }
            int r = in.read(b, n, b.length - n);
            if (r < 0) {
                throw new EOFException("connection closed inside a PDU: " + n + " of " + length
                        + " bytes read at offset " + (position + n));
            }
            n += r;
        }
        return b;
    }

    private void readFully(byte[] b, int off, int len) throws IOException {
        int n = 0;
        while (n < len) {
            int r = in.read(b, off + n, len - n);
            if (r < 0) {
                throw new EOFException("connection closed inside a PDU: " + n + " of " + len + " bytes read at offset "
                        + (position + n));
            }
            n += r;
        }
    }

    static int u16(byte[] b, int p) {
        return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
    }

    static long u32(byte[] b, int p) {
        return ((b[p] & 0xffL) << 24) | ((b[p + 1] & 0xff) << 16) | ((b[p + 2] & 0xff) << 8) | (b[p + 3] & 0xff);
    }

    static String ascii(byte[] b, int p, int length) {
        return new String(b, p, length, StandardCharsets.US_ASCII);
    }

    /** A UID field: trailing NUL padding and spaces removed. */
    static String uid(byte[] b, int p, int length) {
        int end = p + length;
        while (end > p && (b[end - 1] == 0 || b[end - 1] == ' ')) {
            end--;
        }
        return new String(b, p, end - p, StandardCharsets.US_ASCII);
    }
}
