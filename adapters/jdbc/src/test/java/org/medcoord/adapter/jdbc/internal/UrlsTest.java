package org.medcoord.adapter.jdbc.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Printing URLs without secrets, naming the H2 file and completing H2 URLs. */
class UrlsTest {
    @Test
    void passwordParametersAreRedacted() {
        assertThat(Urls.redact("jdbc:postgresql://h/db?user=u&password=p1&sslpassword=p2&ssl=true"))
                .isEqualTo("jdbc:postgresql://h/db?user=u&password=***&sslpassword=***&ssl=true");
        assertThat(Urls.redact("jdbc:h2:file:/x;CIPHER=AES;FILE_PASSWORD=p;PASSWORD=q"))
                .isEqualTo("jdbc:h2:file:/x;CIPHER=AES;FILE_PASSWORD=***;PASSWORD=***");
        assertThat(Urls.redact("jdbc:postgresql://h/db")).isEqualTo("jdbc:postgresql://h/db");
    }

    @Test
    void h2FileIsThePathWithTheExtension() {
        assertThat(Urls.h2File("jdbc:h2:file:/var/clinic;WRITE_DELAY=0")).isEqualTo("/var/clinic.mv.db");
        assertThat(Urls.h2File("jdbc:h2:file:./clinic")).isEqualTo("./clinic.mv.db");
    }

    @Test
    void h2DefaultsAreAddedOnlyWhereMissing() {
        assertThat(Urls.withH2Defaults("jdbc:h2:file:/x"))
                .isEqualTo("jdbc:h2:file:/x;WRITE_DELAY=0;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64;TRACE_LEVEL_FILE=0");
        assertThat(Urls.withH2Defaults("jdbc:h2:file:/x;write_delay=500"))
                .isEqualTo("jdbc:h2:file:/x;write_delay=500;LOCK_TIMEOUT=10000;QUERY_CACHE_SIZE=64;TRACE_LEVEL_FILE=0");
    }

    @Test
    void descriptionsCarryNoCredentialsOrOptions() {
        assertThat(Urls.describe(Dialect.POSTGRESQL, "jdbc:postgresql://db:5432/m?password=p&ssl=true", "u", "s"))
                .isEqualTo("postgresql //db:5432/m (user u, schema s)");
        assertThat(Urls.describe(Dialect.H2, "jdbc:h2:file:/x/clinic;PASSWORD=p", "u", "s"))
                .isEqualTo("jdbc:h2 file /x/clinic (schema s)");
    }
}
