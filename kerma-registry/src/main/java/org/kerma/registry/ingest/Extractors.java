package org.kerma.registry.ingest;

import java.util.List;
import org.kerma.registry.RegistryConfig;

/**
 * The extractors a registry runs at ingest and reindex: the one place that lists them, so that {@code kerma serve},
 * {@code kerma import} and {@code kerma reindex} derive the same tables from the same objects.
 */
public final class Extractors {
    private Extractors() {
    }

    /** Every extractor Kerma has, configured from {@code config}. */
    public static List<Extractor> all(RegistryConfig config) {
        return List.of();
    }
}
