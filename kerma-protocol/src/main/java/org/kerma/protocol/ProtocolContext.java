package org.kerma.protocol;

import java.util.List;
import java.util.Objects;
import org.kerma.dicom.Code;

/**
 * The Protocol Context Module (PS3.3 section C.34.2): what the protocol is, who looks after it and what it is for.
 *
 * @param protocolName                Protocol Name (0018,1030)
 * @param responsibleGroups           Responsible Group Code Sequence (0008,0220)
 * @param potentialScheduledProtocols Potential Scheduled Protocol Code Sequence (0018,9906)
 * @param potentialRequestedProcedures Potential Requested Procedure Code Sequence (0018,9907)
 * @param potentialReasons            Potential Reasons for Procedure (0018,9908) and its code sequence (0018,9909),
 *                                    texts first, then code meanings
 * @param contraindications           Contraindications Code Sequence (0018,990B)
 * @param designRationale             Protocol Design Rationale (0018,9910); "" when absent
 * @param custodialOrganization       Institution Name (or the code meaning of Institution Code Sequence) in the
 *                                    Custodial Organization Sequence (0040,A07C); "" when absent
 */
public record ProtocolContext(String protocolName, List<Code> responsibleGroups,
                              List<Code> potentialScheduledProtocols, List<Code> potentialRequestedProcedures,
                              List<String> potentialReasons, List<Code> contraindications, String designRationale,
                              String custodialOrganization) {
    public ProtocolContext {
        Objects.requireNonNull(protocolName, "protocolName");
        responsibleGroups = List.copyOf(responsibleGroups);
        potentialScheduledProtocols = List.copyOf(potentialScheduledProtocols);
        potentialRequestedProcedures = List.copyOf(potentialRequestedProcedures);
        potentialReasons = List.copyOf(potentialReasons);
        contraindications = List.copyOf(contraindications);
        Objects.requireNonNull(designRationale, "designRationale");
        Objects.requireNonNull(custodialOrganization, "custodialOrganization");
    }
}
