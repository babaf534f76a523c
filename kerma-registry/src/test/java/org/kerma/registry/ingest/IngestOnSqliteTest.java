package org.kerma.registry.ingest;

import org.kerma.registry.TestDatabases;

/** The ingest contract on SQLite, a new database file per test. */
class IngestOnSqliteTest extends IngestContract {
    private int databases;

    @Override
    String freshDatabaseUrl() throws Exception {
        return TestDatabases.sqlite(java.nio.file.Files.createDirectories(data.resolve("db" + databases++)));
    }
}
