package org.kerma.registry;

import java.nio.file.Path;
import org.kerma.registry.ingest.DuplicatePolicy;

/**
 * How a registry is set up: where it stores, which database indexes it, what it does with duplicates. Immutable;
 * start from {@link #defaults()} and change what the command line or {@code kerma.yml} says.
 *
 * @param dataDirectory   holds {@code archive/} and, by default, the SQLite index {@code kerma.db}
 * @param databaseUrl     JDBC URL of the index ({@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://...}), or null
 *                        for SQLite in the data directory
 * @param duplicatePolicy what to do with a different second copy of an instance
 * @param validateAtIngest validate each object against its IOD (and an RDSR against its template) as it is stored
 *                        and reindexed, recording the findings against it (default true)
 */
public record RegistryConfig(Path dataDirectory, String databaseUrl, DuplicatePolicy duplicatePolicy,
                             boolean validateAtIngest) {

    /** The data directory when none is given: {@code ./kerma-data}. */
    public static final Path DEFAULT_DATA_DIRECTORY = Path.of("kerma-data");

    public RegistryConfig {
        if (dataDirectory == null || duplicatePolicy == null) {
            throw new IllegalArgumentException("a registry needs a data directory and a duplicate policy");
        }
        if (databaseUrl != null && databaseUrl.isBlank()) {
            databaseUrl = null;
        }
    }

    /** {@code ./kerma-data}, SQLite inside it, keep-first, validation at ingest. */
    public static RegistryConfig defaults() {
        return new RegistryConfig(DEFAULT_DATA_DIRECTORY, null, DuplicatePolicy.KEEP_FIRST, true);
    }

    public RegistryConfig withDataDirectory(Path directory) {
        return new RegistryConfig(directory, databaseUrl, duplicatePolicy, validateAtIngest);
    }

    public RegistryConfig withDatabaseUrl(String url) {
        return new RegistryConfig(dataDirectory, url, duplicatePolicy, validateAtIngest);
    }

    public RegistryConfig withDuplicatePolicy(DuplicatePolicy policy) {
        return new RegistryConfig(dataDirectory, databaseUrl, policy, validateAtIngest);
    }

    public RegistryConfig withValidationAtIngest(boolean validate) {
        return new RegistryConfig(dataDirectory, databaseUrl, duplicatePolicy, validate);
    }

    /** The archive root: {@code <data>/archive}. */
    public Path archiveDirectory() {
        return dataDirectory.resolve("archive");
    }

    /** The database URL in force: the one given, or {@code jdbc:sqlite:<data>/kerma.db}. */
    public String effectiveDatabaseUrl() {
        return databaseUrl != null ? databaseUrl
                : "jdbc:sqlite:" + dataDirectory.toAbsolutePath().normalize().resolve("kerma.db");
    }
}
