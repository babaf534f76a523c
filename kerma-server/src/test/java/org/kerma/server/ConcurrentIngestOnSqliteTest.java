package org.kerma.server;

class ConcurrentIngestOnSqliteTest extends ConcurrentIngestContract {
    @Override
    String databaseUrl() {
        return null;
    }
}
