package org.kerma.server;

import org.junit.jupiter.api.AfterAll;

class NodeDcmtkOnPostgresTest extends NodeDcmtkContract {
    private String url;

    @Override
    String databaseUrl() {
        url = SharedPostgres.create(getClass());
        return url;
    }

    @AfterAll
    void drop() throws Exception {
        SharedPostgres.drop(url);
    }
}
