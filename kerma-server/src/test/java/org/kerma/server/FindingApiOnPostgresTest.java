package org.kerma.server;

import java.nio.file.Path;

/** The findings API on the PostgreSQL server at 127.0.0.1:5432, in a database of its own. */
class FindingApiOnPostgresTest extends FindingApiContract {
    private String url;

    @Override
    String databaseUrl(Path data) {
        url = SharedPostgres.create(FindingApiOnPostgresTest.class);
        return url;
    }

    @Override
    void releaseDatabase() throws Exception {
        SharedPostgres.drop(url);
    }
}
