package org.kerma.protocol;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kerma.dicom.Code;

/**
 * A protocol library: defined protocols listed by name and grouped by the equipment model and the anatomy they are
 * for (Equipment Specification and Patient Positioning Modules, PS3.3 sections C.34.6 and C.34.8).
 *
 * @param protocols the defined protocols, sorted by protocol name then SOP Instance UID
 */
public record ProtocolLibrary(List<DefinedProtocol> protocols) {

    public ProtocolLibrary {
        protocols = protocols.stream().sorted(Comparator.comparing((DefinedProtocol p) -> p.context().protocolName())
                .thenComparing(DefinedProtocol::sopInstanceUid)).toList();
    }

    /**
     * The protocols per model, keyed "Manufacturer Model" (or "Manufacturer model group"); a protocol for several
     * models is under each, one without a model specification under "(any model)".
     */
    public Map<String, List<DefinedProtocol>> byModel() {
        Map<String, List<DefinedProtocol>> m = new TreeMap<>();
        for (DefinedProtocol p : protocols) {
            if (p.equipment().models().isEmpty()) {
                m.computeIfAbsent("(any model)", k -> new ArrayList<>()).add(p);
            }
            for (ModelSpecification spec : p.equipment().models()) {
                String model = spec.modelName().isEmpty() ? spec.modelGroup() : spec.modelName();
                m.computeIfAbsent((spec.manufacturer() + " " + model).trim(), k -> new ArrayList<>()).add(p);
            }
        }
        return m;
    }

    /** The protocols per anatomic region, keyed by the region's code; "(no region)" when the protocol names none. */
    public Map<String, List<DefinedProtocol>> byAnatomy() {
        Map<String, List<DefinedProtocol>> m = new TreeMap<>();
        for (DefinedProtocol p : protocols) {
            String key = p.positioning().anatomicRegion().map(Code::toString).orElse("(no region)");
            m.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
        }
        return m;
    }
}
