package org.medcoord.adapter.jdbc;

import java.nio.file.Path;

/** The two databases the adapter's own tests run on. */
enum Backend {
    H2,
    POSTGRES;

    /** Fresh, empty options: a new file under {@code dir}, or a new PostgreSQL database. */
    JdbcOptions fresh(Path dir) {
        return this == H2 ? JdbcOptions.embedded(dir.resolve("medcoord")) : TestPostgres.freshDatabase();
    }
}
