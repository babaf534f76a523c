package org.kerma.server.api;

/** The protocol routes on SQLite in the data directory. */
class ProtocolRoutesOnSqliteTest extends ProtocolRoutesContract {
    @Override
    String databaseUrl() {
        return null; // SQLite in the data directory
    }
}
