package org.kerma.registry.query;

import org.kerma.registry.TestDatabases;

class FindingBrowseOnSqliteTest extends FindingBrowseContract {
    @Override
    String freshDatabaseUrl() {
        return TestDatabases.sqlite(data);
    }
}
