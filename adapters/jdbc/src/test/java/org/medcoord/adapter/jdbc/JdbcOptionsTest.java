package org.medcoord.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.medcoord.api.common.InvalidRequestException;
import org.medcoord.api.common.Violation;

/** Validation, defaults and printing of {@link JdbcOptions}. */
class JdbcOptionsTest {
    private static final String SECRET = "s3cr3t-Passw0rd";

    @Test
    void embeddedIsAnH2FileWithTheDurabilitySettings() {
        JdbcOptions options = JdbcOptions.embedded(Path.of("/var/lib/clinic/medcoord"));

        assertThat(options.jdbcUrl())
                .isEqualTo("jdbc:h2:file:/var/lib/clinic/medcoord;WRITE_DELAY=0;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64;TRACE_LEVEL_FILE=0");
        assertThat(options.user()).isEqualTo("medcoord");
        assertThat(options.password()).isEmpty();
        assertThat(options.poolSize()).isEqualTo(4);
        assertThat(options.schema()).isEqualTo("medcoord");
        assertThat(options.isEmbedded()).isTrue();
    }

    @Test
    void embeddedAcceptsTheFileNameWithItsExtensionAndRelativePaths() {
        assertThat(JdbcOptions.embedded(Path.of("/data/clinic.mv.db")).jdbcUrl()).startsWith("jdbc:h2:file:/data/clinic;");
        assertThat(JdbcOptions.embedded(Path.of("clinic")).jdbcUrl())
                .startsWith("jdbc:h2:file:" + Path.of("clinic").toAbsolutePath() + ";");
    }

    @Test
    void embeddedRefusesAPathThatWouldEndTheUrl() {
        assertThatThrownBy(() -> JdbcOptions.embedded(Path.of("/data/a;INIT=RUNSCRIPT FROM 'x'")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("file: must not contain ';'");
    }

    @Test
    void anEmbeddedFileSharedWithOtherProcessesIsRefused() {
        for (String url : new String[] {"jdbc:h2:file:/data/clinic;AUTO_SERVER=TRUE",
                "jdbc:h2:file:/data/clinic;WRITE_DELAY=0;auto_server = true"}) {
            assertThatThrownBy(() -> new JdbcOptions(url, "medcoord", "", 4, "medcoord"))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("jdbcUrl: must not set AUTO_SERVER");
        }
        assertThat(new JdbcOptions("jdbc:h2:file:/data/clinic;AUTO_SERVER=FALSE", "medcoord", "", 4, "medcoord")
                .isEmbedded()).isTrue();
    }

    @Test
    void postgresDefaultsToEightConnections() {
        JdbcOptions options = JdbcOptions.postgres("jdbc:postgresql://db:5432/medcoord", "medcoord", SECRET);

        assertThat(options.poolSize()).isEqualTo(8);
        assertThat(options.schema()).isEqualTo("medcoord");
        assertThat(options.isEmbedded()).isFalse();
    }

    @Test
    void poolSizeMustBeBetweenOneAndSixtyFour() {
        JdbcOptions options = JdbcOptions.postgres("jdbc:postgresql://db/m", "u", SECRET);

        assertThat(options.withPoolSize(1).poolSize()).isEqualTo(1);
        assertThat(options.withPoolSize(64).poolSize()).isEqualTo(64);
        for (int bad : new int[] {0, -1, 65}) {
            assertThatThrownBy(() -> options.withPoolSize(bad)).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("poolSize: must be between 1 and 64");
        }
    }

    @Test
    void urlMustBeAnH2FileOrPostgres() {
        for (String url : new String[] {"jdbc:h2:mem:x", "jdbc:mysql://db/x", "postgres://db/x", "jdbc:h2:./x",
                "jdbc:sqlite:x.db"}) {
            assertThatThrownBy(() -> new JdbcOptions(url, "u", "", 4, "medcoord"))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("jdbcUrl: must start with jdbc:h2:file: or jdbc:postgresql:");
        }
        assertThatThrownBy(() -> new JdbcOptions("jdbc:h2:file:", "u", "", 4, "medcoord"))
                .hasMessageContaining("jdbcUrl: must name a database file or server");
    }

    @Test
    void schemaMustBeALowerCaseIdentifier() {
        JdbcOptions options = JdbcOptions.embedded(Path.of("/tmp/x"));

        assertThat(options.withSchema("clinic_2").schema()).isEqualTo("clinic_2");
        for (String bad : new String[] {"", "Clinic", "2clinic", "a-b", "x\"; DROP TABLE t; --", "a".repeat(64)}) {
            assertThatThrownBy(() -> options.withSchema(bad)).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("schema: must be a lower-case SQL identifier");
        }
    }

    @Test
    void everyProblemIsReportedAtOnceAndThePasswordNever() {
        InvalidRequestException e = (InvalidRequestException) catchThrowable(
                () -> new JdbcOptions("jdbc:oracle:thin:@db", null, SECRET, 0, "Bad Schema"));

        assertThat(e.violations()).extracting(Violation::path).containsExactly("jdbcUrl", "user", "poolSize", "schema");
        assertThat(e.getMessage()).doesNotContain(SECRET);
        assertThatThrownBy(() -> new JdbcOptions("jdbc:postgresql://db/x", " ", null, 4, "medcoord"))
                .hasMessageContaining("user: must not be blank for PostgreSQL").hasMessageContaining("password: must not be null");
    }

    @Test
    void toStringHidesThePasswordAlsoInsideTheUrl() {
        JdbcOptions options = new JdbcOptions("jdbc:postgresql://db/m?user=u&password=" + SECRET + "&ssl=true", "u",
                SECRET, 8, "medcoord");
        JdbcOptions h2 = new JdbcOptions("jdbc:h2:file:/x;CIPHER=AES;FILE_PASSWORD=" + SECRET, "u", SECRET, 4, "medcoord");

        assertThat(options.toString()).doesNotContain(SECRET)
                .contains("jdbc:postgresql://db/m?user=u&password=***&ssl=true").contains("password=***");
        assertThat(h2.toString()).doesNotContain(SECRET).contains("FILE_PASSWORD=***");
        assertThat(JdbcOptions.embedded(Path.of("/x")).toString()).contains("password=(empty)");
    }

    @Test
    void propertiesNeedAUrlAndTakeDefaultsForTheRest() {
        Properties none = new Properties();
        assertThatThrownBy(() -> JdbcOptions.fromProperties(none)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("medcoord.jdbc.url: must be set");

        Properties h2 = new Properties();
        h2.setProperty("medcoord.jdbc.url", "jdbc:h2:file:/tmp/clinic");
        assertThat(JdbcOptions.fromProperties(h2))
                .isEqualTo(new JdbcOptions("jdbc:h2:file:/tmp/clinic", "medcoord", "", 4, "medcoord"));

        Properties pg = new Properties();
        pg.setProperty("medcoord.jdbc.url", " jdbc:postgresql://db/m ");
        pg.setProperty("medcoord.jdbc.user", "app");
        pg.setProperty("medcoord.jdbc.password", SECRET);
        pg.setProperty("medcoord.jdbc.schema", "clinic");
        assertThat(JdbcOptions.fromProperties(pg))
                .isEqualTo(new JdbcOptions("jdbc:postgresql://db/m", "app", SECRET, 8, "clinic"));

        pg.setProperty("medcoord.jdbc.poolSize", "12");
        assertThat(JdbcOptions.fromProperties(pg).poolSize()).isEqualTo(12);
        pg.setProperty("medcoord.jdbc.poolSize", "many");
        assertThatThrownBy(() -> JdbcOptions.fromProperties(pg)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("medcoord.jdbc.poolSize: must be a whole number");
        pg.setProperty("medcoord.jdbc.poolSize", "100");
        assertThatThrownBy(() -> JdbcOptions.fromProperties(pg)).hasMessageContaining("poolSize: must be between 1 and 64");
    }

    private static Throwable catchThrowable(Runnable action) {
        try {
            action.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
