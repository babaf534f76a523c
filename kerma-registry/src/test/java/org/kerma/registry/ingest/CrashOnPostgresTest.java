package org.kerma.registry.ingest;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.kerma.registry.TestDatabases;

class CrashOnPostgresTest extends CrashContract {
    private static String url;

    @BeforeAll
    static void createDatabase() {
        url = TestDatabases.createPostgres(CrashOnPostgresTest.class);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        TestDatabases.dropPostgres(url);
    }

    @Override
    String databaseUrl() {
        return url;
    }
}
