package org.kerma.registry.alert;

import org.kerma.registry.TestDatabases;

class AlertOnSqliteTest extends AlertContract {
    @Override
    String freshDatabaseUrl() {
        return TestDatabases.sqlite(data);
    }
}
