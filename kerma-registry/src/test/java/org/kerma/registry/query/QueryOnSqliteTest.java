package org.kerma.registry.query;

import org.kerma.registry.TestDatabases;

/** The C-FIND contract on SQLite. */
class QueryOnSqliteTest extends QueryContract {
    @Override
    String freshDatabaseUrl() {
        return TestDatabases.sqlite(data);
    }
}
