package org.kerma.net;

/**
 * An accepted presentation context (PS3.8 section 7.1.1.13): the pair of abstract syntax and transfer syntax that
 * messages on {@code id} use, and the roles negotiated for it (PS3.7 D.3.3.4).
 *
 * @param id             presentation context ID, odd, 1 to 255
 * @param abstractSyntax the SOP class UID
 * @param transferSyntax the accepted transfer syntax UID
 * @param requestorScu   the association requestor may act as SCU
 * @param requestorScp   the association requestor may act as SCP (e.g. receive C-STOREs during C-GET)
 */
public record PresentationContext(int id, String abstractSyntax, String transferSyntax, boolean requestorScu,
                                  boolean requestorScp) {
}
