package org.kerma.net.client;

import java.util.List;
import org.kerma.net.Status;

/**
 * The final answer to a C-MOVE or C-GET (PS3.4 C.4.2.3, C.4.3.3).
 *
 * @param status       final status
 * @param completed    Number of Completed Sub-operations
 * @param failed       Number of Failed Sub-operations
 * @param warning      Number of Warning Sub-operations
 * @param errorComment Error Comment, or empty
 * @param failedSopInstanceUids Failed SOP Instance UID List from the identifier, when sent
 */
public record RetrieveResult(Status status, int completed, int failed, int warning, String errorComment,
                             List<String> failedSopInstanceUids) {
    public RetrieveResult {
        failedSopInstanceUids = List.copyOf(failedSopInstanceUids);
    }
}
