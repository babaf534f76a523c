package org.kerma.registry.index;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.kerma.registry.TestDatabases;

/** Group commit on the PostgreSQL server at 127.0.0.1:5432, in a database of its own. */
class GroupCommitOnPostgresTest extends GroupCommitContract {
    private static String url;

    @BeforeAll
    static void createDatabase() {
        url = TestDatabases.createPostgres(GroupCommitOnPostgresTest.class);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        TestDatabases.dropPostgres(url);
    }

    @Override
    String freshDatabaseUrl() {
        return url;
    }
}
