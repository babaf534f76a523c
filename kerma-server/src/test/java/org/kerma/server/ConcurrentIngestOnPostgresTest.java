package org.kerma.server;

import org.junit.jupiter.api.AfterEach;

class ConcurrentIngestOnPostgresTest extends ConcurrentIngestContract {
    private String url;

    @Override
    String databaseUrl() {
        url = SharedPostgres.create(getClass());
        return url;
    }

    @AfterEach
    void drop() throws Exception {
        SharedPostgres.drop(url);
    }
}
