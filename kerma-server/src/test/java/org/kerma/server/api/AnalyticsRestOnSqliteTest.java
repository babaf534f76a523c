package org.kerma.server.api;

import java.nio.file.Path;
import org.kerma.registry.TestDatabases;

class AnalyticsRestOnSqliteTest extends AnalyticsRestContract {
    @Override
    String freshDatabaseUrl(Path data) {
        return TestDatabases.sqlite(data);
    }
}
