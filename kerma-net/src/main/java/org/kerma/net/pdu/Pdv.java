package org.kerma.net.pdu;

/**
 * One presentation data value item (PS3.8 section 9.3.5.1 and Annex E.2): a fragment of a command or a data set.
 * The fragment is a view of {@code buffer} from {@code offset} for {@code length} bytes; the reader shares one
 * buffer between the PDVs of one PDU, so nothing is copied twice.
 *
 * @param contextId presentation context ID (odd, 1 to 255)
 * @param command   true when the fragment belongs to a command set (bit 0 of the message control header)
 * @param last      true for the last fragment of the command or data set (bit 1)
 * @param buffer    holds the fragment
 * @param offset    where the fragment begins in {@code buffer}
 * @param length    fragment length in bytes
 */
public record Pdv(int contextId, boolean command, boolean last, byte[] buffer, int offset, int length) {

    /** A PDV over a whole array. */
    public static Pdv of(int contextId, boolean command, boolean last, byte[] fragment) {
        return new Pdv(contextId, command, last, fragment, 0, fragment.length);
    }

    /** The message control header byte. */
    public int controlHeader() {
        return (command ? 1 : 0) | (last ? 2 : 0);
    }

    /** A copy of the fragment. */
    public byte[] fragment() {
        return java.util.Arrays.copyOfRange(buffer, offset, offset + length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pdv p && p.contextId == contextId && p.command == command && p.last == last
                && java.util.Arrays.equals(buffer, offset, offset + length, p.buffer, p.offset, p.offset + p.length);
    }

    @Override
    public int hashCode() {
        int h = contextId * 31 + controlHeader();
        for (int i = offset; i < offset + length; i++) {
            h = h * 31 + buffer[i];
        }
        return h;
    }

    @Override
    public String toString() {
        return "PDV[context " + contextId + (command ? ", command" : ", data") + (last ? ", last" : "") + ", "
                + length + " bytes]";
    }
}
