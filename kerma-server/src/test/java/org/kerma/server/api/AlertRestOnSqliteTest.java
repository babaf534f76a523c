package org.kerma.server.api;

import java.nio.file.Path;
import org.kerma.registry.TestDatabases;

class AlertRestOnSqliteTest extends AlertRestContract {
    @Override
    String freshDatabaseUrl(Path data) {
        return TestDatabases.sqlite(data);
    }
}
