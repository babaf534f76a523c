package org.kerma.cli;

import java.nio.file.Path;
import org.kerma.registry.RegistryConfig;
import org.kerma.registry.ingest.DuplicatePolicy;
import picocli.CommandLine.Option;

/**
 * The options that say which registry a command works on: {@code --data}, {@code --db}, {@code --duplicates},
 * {@code --no-validation}.
 */
final class RegistryOptions {

    @Option(names = "--data", paramLabel = "DIR", description = "Data directory: archive and default SQLite index"
            + " (default: ./kerma-data).")
    Path data;

    @Option(names = "--db", paramLabel = "JDBC-URL", description = "Index database, e.g. jdbc:postgresql://host/kerma"
            + "?user=kerma (default: jdbc:sqlite:DIR/kerma.db).")
    String database;

    @Option(names = "--duplicates", paramLabel = "POLICY", defaultValue = "keep-first",
            converter = PolicyConverter.class,
            description = "What to do with a different copy of an instance already stored: keep-first, replace or"
                    + " keep-both (default: ${DEFAULT-VALUE}).")
    DuplicatePolicy duplicates;

    @Option(names = "--no-validation", description = "Do not validate each object against its IOD as it is stored"
            + " (by default the findings are recorded against the instance, see /api/findings).")
    boolean noValidation;

    /** The registry configuration these options describe, on top of the defaults. */
    RegistryConfig config() {
        RegistryConfig config = RegistryConfig.defaults();
        if (data != null) {
            config = config.withDataDirectory(data);
        }
        return config.withDatabaseUrl(database).withDuplicatePolicy(duplicates).withValidationAtIngest(!noValidation);
    }

    static final class PolicyConverter implements picocli.CommandLine.ITypeConverter<DuplicatePolicy> {
        @Override
        public DuplicatePolicy convert(String value) {
            return DuplicatePolicy.parse(value);
        }
    }
}
