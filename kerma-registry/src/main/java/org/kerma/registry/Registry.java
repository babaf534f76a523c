package org.kerma.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.kerma.registry.alert.ReferenceData;
import org.kerma.registry.archive.Archive;
import org.kerma.registry.index.IndexDatabase;
import org.kerma.registry.ingest.Extractor;
import org.kerma.registry.ingest.Extractors;
import org.kerma.registry.ingest.Ingest;
import org.kerma.registry.ingest.IngestException;
import org.kerma.registry.ingest.IngestOutcome;
import org.kerma.registry.query.QueryEngine;
import org.kerma.registry.query.Retrieval;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A registry: the archive, its index and the ingest pipeline and query engine over them. What {@code kerma serve},
 * {@code kerma import} and {@code kerma reindex} open.
 *
 * <pre>{@code
 * try (Registry registry = Registry.open(RegistryConfig.defaults())) {
 *     IngestOutcome outcome = registry.ingest().storeDataset(dataset, request, origin); // then answer C-STORE
 *     registry.query().find(QueryModel.STUDY_ROOT, identifier).forEach(...);          // C-FIND responses
 * }
 * }</pre>
 *
 * <p>Opening removes the temporary files that writes interrupted by a crash left in the archive: none of them was
 * acknowledged (an object is acknowledged only after its file has its final name and its index row is committed).
 * Those of another live process on the same archive are left alone (see {@link Archive}).
 *
 * <p>Thread-safe.
 */
public final class Registry implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Registry.class);

    private final RegistryConfig config;
    private final Archive archive;
    private final IndexDatabase index;
    private final Ingest ingest;
    private final QueryEngine query;
    private final Retrieval retrieval;
    private final List<Extractor> extractors;
    private final int orphansRemoved;

    private Registry(RegistryConfig config, Archive archive, IndexDatabase index, Ingest ingest,
                     List<Extractor> extractors, int orphansRemoved) {
        this.config = config;
        this.archive = archive;
        this.index = index;
        this.ingest = ingest;
        this.query = new QueryEngine(index);
        this.retrieval = new Retrieval(index, archive);
        this.extractors = List.copyOf(extractors);
        this.orphansRemoved = orphansRemoved;
    }

    /** Opens a registry with every extractor Kerma has ({@link Extractors#all}). */
    public static Registry open(RegistryConfig config) throws IOException {
        return open(config, Extractors.all(config));
    }

    /**
     * Opens (creating where needed) the data directory, archive and index of {@code config}, and removes orphaned
     * temporary files from the archive, and writes the reference level packs and default alert rules Kerma ships
     * where they are absent ({@link ReferenceData#install}).
     *
     * @throws IOException when the data directory cannot be created or read
     * @throws org.kerma.registry.index.IndexException when the database cannot be opened or migrated
     */
    public static Registry open(RegistryConfig config, List<Extractor> extractors) throws IOException {
        Files.createDirectories(config.dataDirectory());
        Archive archive = Archive.open(config.archiveDirectory());
        int orphans = archive.removeOrphans();
        if (orphans > 0) {
            LOG.warn("removed {} unfinished temporary file(s) from {} (never acknowledged)", orphans, archive.root());
        }
        IndexDatabase index;
        try {
            index = IndexDatabase.open(config.effectiveDatabaseUrl());
        } catch (RuntimeException e) {
            archive.close();
            throw e;
        }
        try {
            new ReferenceData(index).install();
        } catch (RuntimeException e) {
            index.close();
            archive.close();
            throw e;
        }
        Ingest ingest = new Ingest(archive, index, config.duplicatePolicy(), extractors, Clock.systemUTC());
        return new Registry(config, archive, index, ingest, extractors, orphans);
    }

    public RegistryConfig config() {
        return config;
    }

    public Archive archive() {
        return archive;
    }

    public IndexDatabase index() {
        return index;
    }

    /** The ingest pipeline: what a C-STORE handler and {@code kerma import} call. */
    public Ingest ingest() {
        return ingest;
    }

    /** The C-FIND query engine. */
    public QueryEngine query() {
        return query;
    }

    /** What C-MOVE and C-GET send: the archived instances an identifier names. */
    public Retrieval retrieval() {
        return retrieval;
    }

    /** How many orphaned temporary files {@link #open} removed. */
    public int orphansRemovedAtOpen() {
        return orphansRemoved;
    }

    /**
     * What {@link #reindex} did.
     *
     * @param indexed    files indexed as instances
     * @param duplicates files indexed as kept-both copies of an instance
     * @param failures   files that could not be indexed, each with the reason
     */
    public record ReindexSummary(int indexed, int duplicates, List<String> failures) {
    }

    /**
     * Rebuilds the index from the archived files: empties every table (the extractors' first), then indexes each
     * {@code .dcm} file in the archive where it lies and runs the extractors on it. The duplicate history of identical and dropped copies is not in the archive and is
     * lost; sender AE titles come back from the files' Sending AE Title (0002,0017).
     *
     * @param progress told the number of files done after each file
     */
    public ReindexSummary reindex(IntConsumer progress) throws IOException {
        List<String> tables = new ArrayList<>();
        extractors.forEach(e -> tables.addAll(e.tables()));
        tables.addAll(List.of("finding", "duplicate", "instance", "series", "study", "patient", "device"));
        index.inTransaction("empty the index", c -> {
            try (var s = c.createStatement()) {
                for (String table : tables) {
                    s.executeUpdate("DELETE FROM " + table);
                }
            }
            return null;
        });
        int indexed = 0;
        int duplicates = 0;
        List<String> failures = new ArrayList<>();
        int done = 0;
        for (Path file : archive.archivedFiles()) {
            try {
                IngestOutcome outcome = ingest.indexArchived(file);
                if (outcome.result().isDuplicate()) {
                    duplicates++;
                } else {
                    indexed++;
                }
            } catch (IngestException e) {
                failures.add(e.getMessage());
            }
            progress.accept(++done);
        }
        return new ReindexSummary(indexed, duplicates, failures);
    }

    /** Closes the index and the archive; ingests in flight on other threads finish first. */
    @Override
    public void close() {
        index.close();
        try {
            archive.close();
        } catch (IOException e) {
            LOG.warn("cannot release the archive's incoming directory: {}", e.toString());
        }
    }
}
