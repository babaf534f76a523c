package org.kerma.registry.dose;

import java.util.List;
import org.kerma.registry.index.Findings;
import org.kerma.registry.index.Findings.Finding;

/** The dose readers' findings as the index records them. */
final class DoseFindings {
    private DoseFindings() {
    }

    /**
     * The findings of a reader, each located at its path ("-": nowhere in particular) with {@code prefix} before it,
     * e.g. "content item " for a content-item path.
     */
    static List<Finding> of(List<org.kerma.dose.Finding> findings, String prefix) {
        return findings.stream().map(f -> new Finding(Findings.Severity.valueOf(f.severity().name()), f.message(),
                "", f.path().equals("-") || f.path().isEmpty() ? "" : prefix + f.path())).toList();
    }
}
