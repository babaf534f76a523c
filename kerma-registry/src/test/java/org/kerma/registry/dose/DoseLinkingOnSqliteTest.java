package org.kerma.registry.dose;

import org.kerma.registry.TestDatabases;

class DoseLinkingOnSqliteTest extends DoseLinkingContract {
    @Override
    String freshDatabaseUrl() {
        return TestDatabases.sqlite(data);
    }
}
