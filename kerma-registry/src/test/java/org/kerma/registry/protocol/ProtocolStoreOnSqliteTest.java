package org.kerma.registry.protocol;

import java.nio.file.Files;
import org.kerma.registry.TestDatabases;

/** The protocol store on SQLite, a new database file per registry. */
class ProtocolStoreOnSqliteTest extends ProtocolStoreContract {
    private int databases;

    @Override
    String freshDatabaseUrl() throws Exception {
        return TestDatabases.sqlite(Files.createDirectories(data.resolve("db" + databases++)));
    }
}
