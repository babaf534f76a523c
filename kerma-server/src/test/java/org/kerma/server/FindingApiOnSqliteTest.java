package org.kerma.server;

import java.nio.file.Path;

class FindingApiOnSqliteTest extends FindingApiContract {
    @Override
    String databaseUrl(Path data) {
        return "jdbc:sqlite:" + data.resolve("kerma.db");
    }
}
