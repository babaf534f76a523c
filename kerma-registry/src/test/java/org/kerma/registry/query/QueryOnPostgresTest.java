package org.kerma.registry.query;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.kerma.registry.TestDatabases;

/** The C-FIND contract on PostgreSQL at 127.0.0.1:5432, in a database of its own, emptied per test. */
class QueryOnPostgresTest extends QueryContract {
    private static String url;

    @BeforeAll
    static void createDatabase() {
        url = TestDatabases.createPostgres(QueryOnPostgresTest.class);
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
