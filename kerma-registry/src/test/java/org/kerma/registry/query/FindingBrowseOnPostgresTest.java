package org.kerma.registry.query;

import org.kerma.registry.TestDatabases;

class FindingBrowseOnPostgresTest extends FindingBrowseContract {
    private String url;

    @Override
    void releaseDatabase() throws Exception {
        TestDatabases.dropPostgres(url);
    }

    @Override
    String freshDatabaseUrl() {
        url = TestDatabases.createPostgres(FindingBrowseOnPostgresTest.class);
        return url;
    }
}
