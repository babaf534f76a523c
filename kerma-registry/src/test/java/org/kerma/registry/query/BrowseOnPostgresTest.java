package org.kerma.registry.query;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.kerma.registry.TestDatabases;

class BrowseOnPostgresTest extends BrowseContract {
    private static String url;

    @BeforeAll
    static void createDatabase() {
        url = TestDatabases.createPostgres(BrowseOnPostgresTest.class);
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
