package org.kerma.server.api;

import org.junit.jupiter.api.AfterAll;
import org.kerma.server.SharedPostgres;

/** The protocol routes on the PostgreSQL server at 127.0.0.1:5432, in a database of their own. */
class ProtocolRoutesOnPostgresTest extends ProtocolRoutesContract {
    private String url;

    @Override
    String databaseUrl() {
        url = SharedPostgres.create(ProtocolRoutesOnPostgresTest.class);
        return url;
    }

    @AfterAll
    void drop() throws Exception {
        SharedPostgres.drop(url);
    }
}
