package org.kerma.registry.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kerma.registry.TestDatabases;

class IndexDatabaseTest {
    @TempDir
    Path dir;

    private static String pragma(IndexDatabase db, String name) {
        return db.read("pragma", c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    @Test
    void opensSqliteInWalModeWithFullSynchronousCommitsAndForeignKeys() {
        try (IndexDatabase db = IndexDatabase.open(TestDatabases.sqlite(dir))) {
            assertThat(db.dialect()).isEqualTo(Dialect.SQLITE);
            assertThat(pragma(db, "journal_mode")).isEqualTo("wal");
            assertThat(pragma(db, "synchronous")).isEqualTo("2"); // FULL
            assertThat(pragma(db, "foreign_keys")).isEqualTo("1");
            assertThat(pragma(db, "busy_timeout")).isEqualTo("30000");
        }
    }

    @Test
    void migratesAnEmptyDatabaseToTheCoreTablesOnce() {
        String url = TestDatabases.sqlite(dir);
        IndexDatabase.open(url).close();
        try (IndexDatabase db = IndexDatabase.open(url)) {
            String tables = db.read("tables", c -> {
                StringBuilder out = new StringBuilder();
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'flyway%'"
                                + " ORDER BY name")) {
                    while (rs.next()) {
                        out.append(rs.getString(1)).append(' ');
                    }
                }
                return out.toString().trim();
            });
            assertThat(tables).isEqualTo("accumulated_dose alert alert_rule app_user audit_log device dose_report"
                    + " duplicate event_image finding image_technique instance irradiation_event link_tie patient"
                    + " protocol protocol_compliance protocol_constraint protocol_element protocol_image"
                    + " protocol_model protocol_reference reference_comparison reference_level reference_pack series"
                    + " study study_dose user_session");
        }
    }

    @Test
    void refusesADatabaseUrlItCannotUseNamingTheForms() {
        assertThatThrownBy(() -> IndexDatabase.open("jdbc:mysql://localhost/kerma"))
                .hasMessage("unsupported database URL jdbc:mysql://localhost/kerma: expected jdbc:sqlite:FILE or"
                        + " jdbc:postgresql://HOST[:PORT]/DATABASE");
    }
}
