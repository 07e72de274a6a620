package org.medcoord.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.medcoord.adapter.memory.MemoryStoragePlugin;
import org.medcoord.api.Coordinator;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.Role;
import org.medcoord.api.common.PluginConfigurationException;
import org.medcoord.core.Coordinators;
import org.medcoord.core.audit.internal.GeneratedKeyProvider;
import org.medcoord.spi.CoordinatorPlugin;
import org.medcoord.spi.audit.AuditSink;
import org.medcoord.spi.audit.ExportedAuditEvent;
import org.medcoord.spi.audit.KeyProvider;

class AuditPluginConfigurationTest {

    @Test
    void two_key_providers_and_duplicate_sink_ids_are_reported_together() {
        CoordinatorPlugin first = plugin("vault-a", List.of(new GeneratedKeyProvider("a")), List.of(sink("siem")));
        CoordinatorPlugin second = plugin("vault-b", List.of(new GeneratedKeyProvider("b")), List.of(sink("siem"),
                sink("bad id!")));

        assertThatThrownBy(() -> Coordinators.builder().plugin(new MemoryStoragePlugin()).plugin(first).plugin(second)
                .build())
                .isInstanceOfSatisfying(PluginConfigurationException.class, e -> assertThat(e.problems())
                        .contains("2 audit key providers provided (by vault-a, vault-b); at most one is allowed",
                                "audit sink id 'siem' is provided more than once (by vault-a and vault-b)",
                                "plugin 'vault-b' provides an audit sink whose id is not 1 to 64 letters, digits"
                                        + " and . _ : -"));
    }

    @Test
    void without_a_key_provider_a_generated_key_signs_checkpoints() {
        try (Coordinator coordinator = Coordinators.builder().plugin(new MemoryStoragePlugin()).build()) {
            assertThat(coordinator.session(Actor.of("u-privacy", "fac-1", Role.PRIVACY_OFFICER), Purpose.OPERATIONS)
                    .audit().verify().ok()).isTrue();
        }
    }

    private static CoordinatorPlugin plugin(String id, List<KeyProvider> keys, List<AuditSink> sinks) {
        return new CoordinatorPlugin() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public List<KeyProvider> keyProviders() {
                return keys;
            }

            @Override
            public List<AuditSink> auditSinks() {
                return sinks;
            }
        };
    }

    private static AuditSink sink(String id) {
        return new AuditSink() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public void accept(List<ExportedAuditEvent> events) {
            }
        };
    }
}
