package org.kerma.registry.ingest;

import java.util.ArrayList;
import java.util.List;
import org.kerma.dose.link.Linker;
import java.time.Clock;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.alert.AlertExtractor;
import org.kerma.registry.dose.DoseExtractors;
import org.kerma.registry.protocol.ProtocolExtractor;
import org.kerma.registry.protocol.ProtocolReferenceExtractor;
import org.kerma.registry.validation.ValidationExtractor;

/**
 * The extractors a registry runs at ingest and reindex: the one place that lists them, so that {@code kerma serve},
 * {@code kerma import} and {@code kerma reindex} derive the same tables from the same objects.
 */
public final class Extractors {
    private Extractors() {
    }

    /** Every extractor Kerma has, configured from {@code config}. */
    public static List<Extractor> all(RegistryConfig config) {
        List<Extractor> all = new ArrayList<>();
        all.addAll(DoseExtractors.of(new Linker(config.linkWindow()))); // "dose report", "image technique"
        all.add(new AlertExtractor(Clock.systemUTC()));
        all.add(new ProtocolExtractor());
        all.add(new ProtocolReferenceExtractor());
        if (config.validateAtIngest()) {
            all.add(ValidationExtractor.standard(config.archiveDirectory()));
        }
        return List.copyOf(all);
    }
}
