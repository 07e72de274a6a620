package org.medcoord.adapter.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The tamper suite on an H2 file. */
class H2AuditTamperTest extends JdbcAuditTamperContract {
    @TempDir
    Path dir;

    @Override
    JdbcOptions freshOptions() {
        return JdbcOptions.embedded(dir.resolve("medcoord"));
    }
}
