package org.kerma.net.service;

import java.util.List;

/**
 * Answers C-GET (PS3.7 section 9.1.3, PS3.4 C.4.3): returns the instances that match; the node sends each to the
 * requestor as a C-STORE sub-operation on the same association (the requestor having taken the SCP role for the
 * storage SOP class, PS3.7 D.3.3.4), with progress in Pending responses and C-CANCEL honoured.
 */
@FunctionalInterface
public interface CGetHandler {
    List<Instance> retrieve(RetrieveRequest request) throws Exception;
}
