package org.kerma.registry.index;

/** The database products the index runs on; the SQL is shared, only migrations and connection set-up differ. */
public enum Dialect {
    /** SQLite (the default): one file, WAL journal, one writer at a time. */
    SQLITE("sqlite"),
    /** PostgreSQL: for production and for several nodes sharing one index. */
    POSTGRESQL("postgresql");

    private final String migrationFolder;

    Dialect(String migrationFolder) {
        this.migrationFolder = migrationFolder;
    }

    /** The dialect of a JDBC URL ({@code jdbc:sqlite:...} or {@code jdbc:postgresql:...}). */
    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database URL " + jdbcUrl
                + ": expected jdbc:sqlite:FILE or jdbc:postgresql://HOST[:PORT]/DATABASE");
    }

    /** The classpath location of this dialect's Flyway migrations. */
    String migrations() {
        return "classpath:db/migration/" + migrationFolder;
    }
}
