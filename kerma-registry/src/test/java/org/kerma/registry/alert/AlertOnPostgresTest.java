package org.kerma.registry.alert;

import org.kerma.registry.TestDatabases;

class AlertOnPostgresTest extends AlertContract {
    private String url;

    @Override
    String freshDatabaseUrl() {
        url = TestDatabases.createPostgres(AlertOnPostgresTest.class);
        return url;
    }

    @Override
    void releaseDatabase() throws Exception {
        TestDatabases.dropPostgres(url);
    }
}
