package org.kerma.registry.query;

import org.kerma.registry.TestDatabases;

class BrowseOnSqliteTest extends BrowseContract {
    @Override
    String freshDatabaseUrl() {
        return TestDatabases.sqlite(data);
    }
}
