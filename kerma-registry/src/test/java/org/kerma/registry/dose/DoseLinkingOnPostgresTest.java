package org.kerma.registry.dose;

import org.kerma.registry.TestDatabases;

class DoseLinkingOnPostgresTest extends DoseLinkingContract {
    private String url;

    @Override
    String freshDatabaseUrl() {
        url = TestDatabases.createPostgres(DoseLinkingOnPostgresTest.class);
        return url;
    }

    @Override
    void releaseDatabase() throws Exception {
        TestDatabases.dropPostgres(url);
    }
}
