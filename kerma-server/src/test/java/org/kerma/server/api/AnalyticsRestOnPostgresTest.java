package org.kerma.server.api;

import java.nio.file.Path;
import org.kerma.registry.TestDatabases;

class AnalyticsRestOnPostgresTest extends AnalyticsRestContract {
    private String url;

    @Override
    String freshDatabaseUrl(Path data) {
        url = TestDatabases.createPostgres(AnalyticsRestOnPostgresTest.class);
        return url;
    }

    @Override
    void releaseDatabase() throws Exception {
        TestDatabases.dropPostgres(url);
    }
}
