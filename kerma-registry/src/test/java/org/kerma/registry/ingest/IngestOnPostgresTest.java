package org.kerma.registry.ingest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.kerma.registry.TestDatabases;

/** The ingest contract on the PostgreSQL server at 127.0.0.1:5432, in a database of its own, emptied per test. */
class IngestOnPostgresTest extends IngestContract {
    private static String url;

    @BeforeAll
    static void createDatabase() {
        url = TestDatabases.createPostgres(IngestOnPostgresTest.class);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        TestDatabases.dropPostgres(url);
    }

    @Override
    String freshDatabaseUrl() throws Exception {
        TestDatabases.truncatePostgres(url);
        return url;
    }
}
