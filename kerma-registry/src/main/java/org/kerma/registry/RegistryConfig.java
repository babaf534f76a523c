package org.kerma.registry;

import java.nio.file.Path;
import java.time.Duration;
import org.kerma.registry.ingest.DuplicatePolicy;

/**
 * How a registry is set up: where it stores, which database indexes it, what it does with duplicates. Immutable;
 * start from {@link #defaults()} and change what the command line or {@code kerma.yml} says.
 *
 * @param dataDirectory   holds {@code archive/} and, by default, the SQLite index {@code kerma.db}
 * @param databaseUrl     JDBC URL of the index ({@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://...}), or null
 *                        for SQLite in the data directory
 * @param duplicatePolicy what to do with a different second copy of an instance
 * @param linkWindow      how far an image's acquisition time may lie from an irradiation event's start for the
 *                        image to be linked to it by time (±, {@code dose.link-window}, default 1 s)
 * @param validateAtIngest validate each object against its IOD (and an RDSR against its template) as it is stored
 *                        and reindexed, recording the findings against it ({@code validation.at-ingest}, default true)
 */
public record RegistryConfig(Path dataDirectory, String databaseUrl, DuplicatePolicy duplicatePolicy,
                             Duration linkWindow, boolean validateAtIngest) {

    /** The data directory when none is given: {@code ./kerma-data}. */
    public static final Path DEFAULT_DATA_DIRECTORY = Path.of("kerma-data");

    /** The time window of event-image links when none is given: ±1 s. */
    public static final Duration DEFAULT_LINK_WINDOW = Duration.ofSeconds(1);

    public RegistryConfig {
        if (dataDirectory == null || duplicatePolicy == null || linkWindow == null) {
            throw new IllegalArgumentException("a registry needs a data directory, a duplicate policy and a link"
                    + " window");
        }
        if (linkWindow.isNegative()) {
            throw new IllegalArgumentException("the link window must not be negative, was " + linkWindow);
        }
        if (databaseUrl != null && databaseUrl.isBlank()) {
            databaseUrl = null;
        }
    }

    /** A configuration with the default link window and validation at ingest. */
    public RegistryConfig(Path dataDirectory, String databaseUrl, DuplicatePolicy duplicatePolicy) {
        this(dataDirectory, databaseUrl, duplicatePolicy, DEFAULT_LINK_WINDOW, true);
    }

    /** {@code ./kerma-data}, SQLite inside it, keep-first, link window ±1 s, validation at ingest. */
    public static RegistryConfig defaults() {
        return new RegistryConfig(DEFAULT_DATA_DIRECTORY, null, DuplicatePolicy.KEEP_FIRST);
    }

    public RegistryConfig withDataDirectory(Path directory) {
        return new RegistryConfig(directory, databaseUrl, duplicatePolicy, linkWindow, validateAtIngest);
    }

    public RegistryConfig withDatabaseUrl(String url) {
        return new RegistryConfig(dataDirectory, url, duplicatePolicy, linkWindow, validateAtIngest);
    }

    public RegistryConfig withDuplicatePolicy(DuplicatePolicy policy) {
        return new RegistryConfig(dataDirectory, databaseUrl, policy, linkWindow, validateAtIngest);
    }

    public RegistryConfig withLinkWindow(Duration window) {
        return new RegistryConfig(dataDirectory, databaseUrl, duplicatePolicy, window, validateAtIngest);
    }

    public RegistryConfig withValidationAtIngest(boolean validate) {
        return new RegistryConfig(dataDirectory, databaseUrl, duplicatePolicy, linkWindow, validate);
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
