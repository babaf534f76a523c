package org.kerma.registry.ingest;

import org.kerma.registry.TestDatabases;

class CrashOnSqliteTest extends CrashContract {
    @Override
    String databaseUrl() {
        return TestDatabases.sqlite(data);
    }
}
