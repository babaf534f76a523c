package org.kerma.net.service;

import java.io.InputStream;
import org.kerma.net.Status;

/**
 * Receives one C-STORE (PS3.7 section 9.1.1, PS3.4 Annex B) as a stream, so the data set can go to disk before
 * anything parses it.
 *
 * <p>Contract: called on the association's thread, one call at a time per association. {@code dataSet} yields the
 * bare data set in {@link StoreRequest#transferSyntax()} (no preamble, no File Meta Information) and ends with it;
 * the handler need not read it to the end (the rest is skipped) and must not keep it after returning. Return the
 * status only once the object is safe: Success means the sender may delete its copy. A thrown
 * {@link org.kerma.net.StatusException} sends its status; any other exception sends 0xC000 with the message as the
 * Error Comment. The association lives on either way.
 */
@FunctionalInterface
public interface CStoreHandler {
    Status store(StoreRequest request, InputStream dataSet) throws Exception;
}
