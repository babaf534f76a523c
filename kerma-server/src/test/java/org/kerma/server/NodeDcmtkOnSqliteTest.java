package org.kerma.server;

class NodeDcmtkOnSqliteTest extends NodeDcmtkContract {
    @Override
    String databaseUrl() {
        return null;
    }
}
