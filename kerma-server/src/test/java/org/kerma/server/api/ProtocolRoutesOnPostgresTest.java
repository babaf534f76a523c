package org.kerma.server.api;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.kerma.server.SharedPostgres;

/** The protocol routes on the PostgreSQL server at 127.0.0.1:5432, a fresh database per test. */
class ProtocolRoutesOnPostgresTest extends ProtocolRoutesContract {
    private static final List<String> URLS = new ArrayList<>();

    @Override
    String databaseUrl() {
        String url = SharedPostgres.create(ProtocolRoutesOnPostgresTest.class);
        URLS.add(url);
        return url;
    }

    @AfterAll
    static void drop() throws Exception {
        for (String url : URLS) {
            SharedPostgres.drop(url);
        }
    }
}
