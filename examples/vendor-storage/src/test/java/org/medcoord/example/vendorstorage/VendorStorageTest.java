package org.medcoord.example.vendorstorage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcoord.api.access.FacilityId;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.UserId;
import org.medcoord.api.audit.AuditOutcome;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.audit.NodeId;
import org.medcoord.api.common.AdapterException;
import org.medcoord.spi.storage.StorageTransaction;

/** What the kit leaves to the adapter: nested units as savepoints, confinement, closing, reopening. */
class VendorStorageTest {
    private static final Instant NOW = Instant.parse("2027-03-01T15:00:00Z");

    @TempDir
    Path dir;

    @Test
    void a_nested_unit_that_throws_leaves_nothing_of_its_own_and_the_outer_unit_commits() {
        try (VendorStorage storage = new VendorStorage(dir.resolve("nested.db"))) {
            storage.inTransaction(tx -> {
                tx.audit().append(record("outer.before"));
                assertThatThrownBy(() -> storage.inTransaction(nested -> {
                    nested.audit().append(record("nested.rolled-back"));
                    throw new IllegalStateException("nested failure");
                })).hasMessage("nested failure");
                storage.inTransaction(nested -> {
                    nested.audit().append(record("nested.kept"));
                    return null;
                });
                tx.audit().append(record("outer.after"));
                return null;
            });

            assertThat(storage.read(tx -> tx.audit().all()).stream().map(AuditRecord::action))
                    .containsExactly("outer.before", "nested.kept", "outer.after");
        }
    }

    @Test
    void a_nested_unit_of_a_read_only_unit_may_not_write() {
        try (VendorStorage storage = new VendorStorage(dir.resolve("read.db"))) {
            assertThatThrownBy(() -> storage.read(tx -> storage.inTransaction(nested -> {
                nested.audit().append(record("refused"));
                return null;
            }))).isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
        }
    }

    @Test
    void a_unit_is_refused_after_it_ended_and_from_another_thread() throws Exception {
        try (VendorStorage storage = new VendorStorage(dir.resolve("confined.db"))) {
            List<StorageTransaction> escaped = new ArrayList<>();
            storage.inTransaction(tx -> {
                escaped.add(tx);
                return null;
            });
            assertThatThrownBy(() -> escaped.get(0).audit()).isInstanceOf(IllegalStateException.class);

            storage.inTransaction(tx -> {
                CompletableFuture<Object> elsewhere = CompletableFuture.supplyAsync(() -> tx.audit().all());
                assertThatThrownBy(elsewhere::get).isInstanceOf(ExecutionException.class)
                        .hasCauseInstanceOf(IllegalStateException.class);
                return null;
            });
        }
    }

    @Test
    void data_survives_reopening_and_a_closed_storage_is_refused() {
        Path file = dir.resolve("reopen.db");
        VendorStorage first = new VendorStorage(file);
        first.inTransaction(tx -> {
            tx.audit().append(record("kept"));
            return null;
        });
        first.close();
        first.close();
        assertThatThrownBy(() -> first.read(tx -> null)).isInstanceOf(IllegalStateException.class);

        try (VendorStorage again = new VendorStorage(file)) {
            List<AuditRecord> kept = again.read(tx -> tx.audit().all());
            assertThat(kept).containsExactly(record("kept"));
            assertThat(again.describe()).isEqualTo("vendor-sqlite");
        }
    }

    @Test
    void a_file_that_cannot_be_opened_is_an_adapter_failure() {
        assertThatThrownBy(() -> new VendorStorage(dir.resolve("no-such-directory").resolve("x.db")))
                .isInstanceOf(AdapterException.class).hasMessageContaining("vendor-sqlite");
    }

    private static AuditRecord record(String action) {
        return new AuditRecord(NOW, UserId.of("u-1"), Optional.empty(), FacilityId.of("f-1"), NodeId.of("node-1"),
                Purpose.OPERATIONS, action, List.of("a-1"), Optional.empty(), AuditOutcome.SUCCESS, "ok");
    }
}
