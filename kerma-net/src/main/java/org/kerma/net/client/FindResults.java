package org.kerma.net.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import org.kerma.dicom.DicomObject;
import org.kerma.dicom.TransferSyntax;

/**
 * The matches of a C-FIND as they arrive: an iterator over the identifiers of the Pending responses. When it is
 * exhausted, {@link #response()} holds the final response (Success, Cancel or a failure). A local failure while
 * reading surfaces as an {@link UncheckedIOException} wrapping the {@link org.kerma.net.DimseException}.
 */
public final class FindResults implements Iterator<DicomObject>, Iterable<DicomObject> {

    private final DicomClient client;
    private final int messageId;
    private final TransferSyntax ts;
    private final Response[] end = new Response[1];
    private DicomObject next;

    FindResults(DicomClient client, int messageId, TransferSyntax ts) {
        this.client = client;
        this.messageId = messageId;
        this.ts = ts;
    }

    @Override
    public boolean hasNext() {
        if (next != null) {
            return true;
        }
        if (end[0] != null) {
            return false;
        }
        try {
            next = client.nextMatch(messageId, ts, end);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return next != null;
    }

    @Override
    public DicomObject next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        DicomObject n = next;
        next = null;
        return n;
    }

    @Override
    public Iterator<DicomObject> iterator() {
        return this;
    }

    /** Sends C-CANCEL; keep iterating to reach the final response. */
    public void cancel() throws IOException {
        client.cancel();
    }

    /** All remaining matches, then the final response. */
    public java.util.List<DicomObject> toList() {
        java.util.List<DicomObject> list = new java.util.ArrayList<>();
        forEachRemaining(list::add);
        return list;
    }

    /** The final response, once the iteration is over. */
    public Response response() {
        if (end[0] == null) {
            throw new IllegalStateException("C-FIND #" + messageId + " still has matches to read");
        }
        return end[0];
    }
}
