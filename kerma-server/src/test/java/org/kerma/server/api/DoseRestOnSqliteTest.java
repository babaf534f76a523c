package org.kerma.server.api;

import java.nio.file.Path;
import org.kerma.registry.TestDatabases;

class DoseRestOnSqliteTest extends DoseRestContract {
    @Override
    String freshDatabaseUrl(Path data) {
        return TestDatabases.sqlite(data);
    }
}
