package org.kerma.net.pdu;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.kerma.net.pdu.UserInformation.CommonExtendedNegotiation;
import org.kerma.net.pdu.UserInformation.ExtendedNegotiation;
import org.kerma.net.pdu.UserInformation.RoleSelection;

/**
 * Encodes PDUs (PS3.8 section 9.3). {@link #writePDataTf} writes one PDV straight from the caller's array, with no
 * copy. Not thread-safe: the association serialises writers and flushes.
 */
public final class PduWriter {

    private final OutputStream out;
    private final byte[] pdvHeader = new byte[12];

    public PduWriter(OutputStream out) {
        this.out = out;
    }

    /** Writes and flushes one PDU. */
    public void write(Pdu pdu) throws IOException {
        if (pdu instanceof PDataTf p) {
            for (Pdv pdv : p.pdvs()) {
                writePDataTf(pdv.contextId(), pdv.command(), pdv.last(), pdv.buffer(), pdv.offset(), pdv.length(),
                        false);
            }
        } else {
            out.write(encode(pdu));
        }
        out.flush();
    }

    /**
     * Writes a P-DATA-TF PDU holding one PDV of {@code length} bytes of {@code b} from {@code off}.
     *
     * @param flush true to flush the stream after it (the last fragment of a message)
     */
    public void writePDataTf(int contextId, boolean command, boolean last, byte[] b, int off, int length,
                             boolean flush) throws IOException {
        long pduLength = length + 6L;
        byte[] h = pdvHeader;
        h[0] = Pdu.TYPE_P_DATA_TF;
        h[1] = 0;
        putU32(h, 2, pduLength);
        putU32(h, 6, length + 2L);
        h[10] = (byte) contextId;
        h[11] = (byte) ((command ? 1 : 0) | (last ? 2 : 0));
        out.write(h, 0, 12);
        out.write(b, off, length);
        if (flush) {
            out.flush();
        }
    }

    /** The bytes of one PDU. */
    public static byte[] encode(Pdu pdu) {
        Buffer b = new Buffer();
        if (pdu instanceof AssociateRq rq) {
            associate(b, Pdu.TYPE_ASSOCIATE_RQ, rq.protocolVersion(), rq.calledAe(), rq.callingAe(),
                    rq.applicationContext(), rq, rq.userInformation());
        } else if (pdu instanceof AssociateAc ac) {
            associate(b, Pdu.TYPE_ASSOCIATE_AC, ac.protocolVersion(), ac.calledAe(), ac.callingAe(),
                    ac.applicationContext(), ac, ac.userInformation());
        } else if (pdu instanceof AssociateRj rj) {
            fixed(b, Pdu.TYPE_ASSOCIATE_RJ, 0, rj.result(), rj.source(), rj.reason());
        } else if (pdu instanceof ReleaseRq) {
            fixed(b, Pdu.TYPE_RELEASE_RQ, 0, 0, 0, 0);
        } else if (pdu instanceof ReleaseRp) {
            fixed(b, Pdu.TYPE_RELEASE_RP, 0, 0, 0, 0);
        } else if (pdu instanceof Abort a) {
            fixed(b, Pdu.TYPE_ABORT, 0, 0, a.source(), a.reason());
        } else if (pdu instanceof PDataTf p) {
            long length = 0;
            for (Pdv pdv : p.pdvs()) {
                length += 6 + pdv.length();
            }
            b.write(Pdu.TYPE_P_DATA_TF);
            b.write(0);
            b.u32(length);
            for (Pdv pdv : p.pdvs()) {
                b.u32(pdv.length() + 2L);
                b.write(pdv.contextId());
                b.write(pdv.controlHeader());
                b.write(pdv.buffer(), pdv.offset(), pdv.length());
            }
        }
        return b.toByteArray();
    }

    private static void fixed(Buffer b, int type, int b0, int b1, int b2, int b3) {
        b.write(type);
        b.write(0);
        b.u32(4);
        b.write(b0);
        b.write(b1);
        b.write(b2);
        b.write(b3);
    }

    private static void associate(Buffer b, int type, int version, String called, String calling, String appContext,
                                  Pdu pdu, UserInformation user) {
        Buffer body = new Buffer();
        body.u16(version);
        body.u16(0);
        body.writeBytes(aeTitle(called));
        body.writeBytes(aeTitle(calling));
        body.writeBytes(new byte[32]);
        item(body, 0x10, ascii(appContext));
        if (pdu instanceof AssociateRq rq) {
            for (PresentationContextItem pc : rq.presentationContexts()) {
                Buffer v = new Buffer();
                v.write(pc.id());
                v.write(0);
                v.write(0);
                v.write(0);
                item(v, 0x30, ascii(pc.abstractSyntax()));
                for (String ts : pc.transferSyntaxes()) {
                    item(v, 0x40, ascii(ts));
                }
                item(body, 0x20, v.toByteArray());
            }
        } else if (pdu instanceof AssociateAc ac) {
            for (PresentationContextResult pc : ac.presentationContexts()) {
                Buffer v = new Buffer();
                v.write(pc.id());
                v.write(0);
                v.write(pc.result());
                v.write(0);
                item(v, 0x40, ascii(pc.transferSyntax()));
                item(body, 0x21, v.toByteArray());
            }
        }
        item(body, 0x50, userInformation(user));
        b.write(type);
        b.write(0);
        b.u32(body.size());
        b.writeBytes(body.toByteArray());
    }

    private static byte[] userInformation(UserInformation u) {
        Buffer v = new Buffer();
        Buffer max = new Buffer();
        max.u32(u.maxLength());
        item(v, 0x51, max.toByteArray());
        item(v, 0x52, ascii(u.implementationClassUid()));
        if (u.asyncOperationsWindow() != null) {
            Buffer a = new Buffer();
            a.u16(u.asyncOperationsWindow().maxOperationsInvoked());
            a.u16(u.asyncOperationsWindow().maxOperationsPerformed());
            item(v, 0x53, a.toByteArray());
        }
        for (RoleSelection r : u.roleSelections()) {
            Buffer s = new Buffer();
            prefixed(s, ascii(r.sopClassUid()));
            s.write(r.scuRole() ? 1 : 0);
            s.write(r.scpRole() ? 1 : 0);
            item(v, 0x54, s.toByteArray());
        }
        if (u.implementationVersion() != null) {
            item(v, 0x55, ascii(u.implementationVersion()));
        }
        for (ExtendedNegotiation e : u.extendedNegotiations()) {
            Buffer s = new Buffer();
            prefixed(s, ascii(e.sopClassUid()));
            s.writeBytes(e.applicationInformation());
            item(v, 0x56, s.toByteArray());
        }
        for (CommonExtendedNegotiation c : u.commonExtendedNegotiations()) {
            Buffer s = new Buffer();
            prefixed(s, ascii(c.sopClassUid()));
            prefixed(s, ascii(c.serviceClassUid()));
            Buffer related = new Buffer();
            for (String uid : c.relatedGeneralSopClassUids()) {
                prefixed(related, ascii(uid));
            }
            prefixed(s, related.toByteArray());
            item(v, 0x57, s.toByteArray());
        }
        if (u.userIdentity() != null) {
            UserIdentity id = u.userIdentity();
            Buffer s = new Buffer();
            s.write(id.type());
            s.write(id.positiveResponseRequested() ? 1 : 0);
            prefixed(s, id.primaryField());
            prefixed(s, id.secondaryField());
            item(v, 0x58, s.toByteArray());
        }
        if (u.userIdentityResponse() != null) {
            Buffer s = new Buffer();
            prefixed(s, u.userIdentityResponse());
            item(v, 0x59, s.toByteArray());
        }
        return v.toByteArray();
    }

    private static void item(Buffer b, int type, byte[] value) {
        if (value.length > 0xffff) {
            throw new IllegalArgumentException(String.format("item 0x%02X value of %d bytes exceeds 65535", type,
                    value.length));
        }
        b.write(type);
        b.write(0);
        b.u16(value.length);
        b.writeBytes(value);
    }

    private static void prefixed(Buffer b, byte[] value) {
        b.u16(value.length);
        b.writeBytes(value);
    }

    private static byte[] aeTitle(String ae) {
        byte[] b = new byte[16];
        java.util.Arrays.fill(b, (byte) ' ');
        byte[] a = ascii(ae);
        if (a.length > 16) {
            throw new IllegalArgumentException("AE title longer than 16 characters: " + ae);
        }
        System.arraycopy(a, 0, b, 0, a.length);
        return b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static void putU32(byte[] b, int p, long v) {
        b[p] = (byte) (v >> 24);
        b[p + 1] = (byte) (v >> 16);
        b[p + 2] = (byte) (v >> 8);
        b[p + 3] = (byte) v;
    }

    private static final class Buffer extends ByteArrayOutputStream {
        void u16(int v) {
            write(v >> 8);
            write(v);
        }

        void u32(long v) {
            write((int) (v >> 24));
            write((int) (v >> 16));
            write((int) (v >> 8));
            write((int) v);
        }
    }
}
