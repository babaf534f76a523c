package org.kerma.net.pdu;

import java.util.List;

/**
 * Presentation context item of an A-ASSOCIATE-RQ (item type 0x20, PS3.8 section 9.3.2.2): one abstract syntax
 * (sub-item 0x30) and one or more transfer syntaxes (sub-items 0x40) in the requestor's order.
 *
 * @param id               presentation context ID, odd, 1 to 255
 * @param abstractSyntax   the abstract syntax name (a SOP class UID)
 * @param transferSyntaxes proposed transfer syntax UIDs
 */
public record PresentationContextItem(int id, String abstractSyntax, List<String> transferSyntaxes) {
    public PresentationContextItem {
        transferSyntaxes = List.copyOf(transferSyntaxes);
    }
}
