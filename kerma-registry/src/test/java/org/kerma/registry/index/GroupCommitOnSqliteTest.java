package org.kerma.registry.index;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.registry.TestDatabases;

/** Group commit on SQLite, a new database file per test. */
class GroupCommitOnSqliteTest extends GroupCommitContract {
    @TempDir
    Path dir;

    @Override
    String freshDatabaseUrl() {
        return TestDatabases.sqlite(dir);
    }
}
