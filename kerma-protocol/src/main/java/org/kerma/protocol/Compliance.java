package org.kerma.protocol;

import java.util.List;
import java.util.Objects;

/**
 * Every constraint of a defined protocol checked against a performed protocol or a set of images.
 *
 * @param definedProtocolUid SOP Instance UID of the defined protocol
 * @param protocolName       its Protocol Name
 * @param results            one result per constraint and subject, in protocol order
 * @param findings           problems of the references met on the way (unknown protocols or element numbers,
 *                           performed elements without a defined counterpart)
 */
public record Compliance(String definedProtocolUid, String protocolName, List<ConstraintResult> results,
                         List<ProtocolFinding> findings) {

    public Compliance {
        Objects.requireNonNull(definedProtocolUid, "definedProtocolUid");
        Objects.requireNonNull(protocolName, "protocolName");
        results = List.copyOf(results);
        findings = List.copyOf(findings);
    }

    /** How many results have this outcome. */
    public long count(ConstraintResult.Outcome outcome) {
        return results.stream().filter(r -> r.outcome() == outcome).count();
    }

    /** The failed results. */
    public List<ConstraintResult> failures() {
        return results.stream().filter(r -> r.outcome() == ConstraintResult.Outcome.FAIL).toList();
    }

    /** True when no constraint failed (constraints that could not be evaluated do not count against it). */
    public boolean compliant() {
        return count(ConstraintResult.Outcome.FAIL) == 0;
    }
}
