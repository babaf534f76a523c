package org.kerma.registry.query;

import org.kerma.registry.TestDatabases;

class BrowseOnPostgresTest extends BrowseContract {
    private String url;

    @Override
    void releaseDatabase() throws Exception {
        TestDatabases.dropPostgres(url);
    }

    @Override
    String freshDatabaseUrl() {
        url = TestDatabases.createPostgres(BrowseOnPostgresTest.class);
        return url;
    }
}
