package org.kerma.registry.query;

import org.kerma.registry.TestDatabases;

/** The C-FIND contract on PostgreSQL at 127.0.0.1:5432, in a database of its own . */
class QueryOnPostgresTest extends QueryContract {
    private String url;

    @Override
    void releaseDatabase() throws Exception {
        TestDatabases.dropPostgres(url);
    }

    @Override
    String freshDatabaseUrl() {
        url = TestDatabases.createPostgres(QueryOnPostgresTest.class);
        return url;
    }
}
