package org.kerma.net.service;

import java.util.List;

/**
 * Answers C-MOVE (PS3.7 section 9.1.4, PS3.4 C.4.2): returns the instances that match. The node resolves the move
 * destination through its trusted nodes (unknown: 0xA801), opens an association to it, sends each instance as a
 * C-STORE sub-operation, reports progress in Pending responses, and honours C-CANCEL between sub-operations.
 */
@FunctionalInterface
public interface CMoveHandler {
    List<Instance> retrieve(RetrieveRequest request) throws Exception;
}
