package org.kerma.registry.protocol;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.kerma.registry.TestDatabases;

/** The protocol store on the PostgreSQL server at 127.0.0.1:5432, a database of its own per registry. */
class ProtocolStoreOnPostgresTest extends ProtocolStoreContract {
    private static final List<String> URLS = new ArrayList<>();

    @Override
    String freshDatabaseUrl() {
        String url = TestDatabases.createPostgres(ProtocolStoreOnPostgresTest.class);
        URLS.add(url);
        return url;
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        for (String url : URLS) {
            TestDatabases.dropPostgres(url);
        }
    }
}
