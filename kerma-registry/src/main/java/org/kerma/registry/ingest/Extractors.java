package org.kerma.registry.ingest;

import java.util.ArrayList;
import java.util.List;
import org.kerma.dose.link.Linker;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.dose.DoseExtractors;

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
        return List.copyOf(all);
    }
}
