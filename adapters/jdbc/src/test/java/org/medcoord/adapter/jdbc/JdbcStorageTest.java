package org.medcoord.adapter.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medcoord.spi.testkit.Fixtures.appointment;
import static org.medcoord.spi.testkit.Fixtures.at;
import static org.medcoord.spi.testkit.Fixtures.audit;
import static org.medcoord.spi.testkit.Fixtures.idempotency;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.appointment.IdempotencyKey;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.spi.storage.AuditStore;
import org.medcoord.spi.storage.CalendarQuery;
import org.medcoord.spi.storage.IdempotencyRecord;
import org.medcoord.spi.storage.StorageTransaction;

/** What the JDBC storage adds to the contract: nesting, read-only units, confinement, closing, reopening. */
class JdbcStorageTest {
    private static final AppointmentId A1 = AppointmentId.of("a-1");
    private static final AppointmentId A2 = AppointmentId.of("a-2");

    @TempDir
    Path dir;

    private final List<JdbcStorage> opened = new ArrayList<>();

    @AfterEach
    void closeAll() {
        opened.forEach(JdbcStorage::close);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void nestedUnitCommitsWithTheOuterUnit(Backend backend) {
        JdbcStorage storage = open(backend);
        storage.inTransaction(tx -> {
            tx.appointments().insert(appointment("a-1", "p-1", at("09:00"), at("09:30"), "dr-a"));
            return storage.inTransaction(inner -> {
                inner.appointments().insert(appointment("a-2", "p-1", at("10:00"), at("10:30"), "dr-a"));
                return null;
            });
        });

        assertThat(find(storage, A1)).isPresent();
        assertThat(find(storage, A2)).isPresent();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void nestedFailureUndoesOnlyTheNestedWritesAndTheOuterUnitCarriesOn(Backend backend) {
        JdbcStorage storage = open(backend);

        RuntimeException caught = storage.inTransaction(tx -> {
            tx.appointments().insert(appointment("a-1", "p-1", at("09:00"), at("09:30"), "dr-a"));
            try {
                storage.inTransaction(inner -> {
                    inner.appointments().insert(appointment("a-2", "p-1", at("10:00"), at("10:30"), "dr-a"));
                    // A statement that fails in the database, too: PostgreSQL would otherwise
                    // abort the whole transaction.
                    inner.appointments().insert(appointment("a-1", "p-1", at("09:00"), at("09:30"), "dr-a"));
                    return null;
                });
                return null;
            } catch (RuntimeException e) {
                assertThat(tx.appointments().find(A2)).isEmpty();
                tx.audit().append(audit("appointment.book", "a-1"));
                return e;
            }
        });

        assertThat(caught).hasMessageContaining("appointment a-1 already exists");
        assertThat(find(storage, A1)).isPresent();
        assertThat(find(storage, A2)).isEmpty();
        List<AuditRecord> trail = storage.read(tx -> tx.audit().all());
        assertThat(trail).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void outerFailureUndoesTheNestedUnitAndReachesTheCallerUnchanged(Backend backend) {
        JdbcStorage storage = open(backend);
        IllegalStateException failure = new IllegalStateException("outer fails");

        assertThatThrownBy(() -> storage.inTransaction(tx -> {
            storage.inTransaction(inner -> {
                inner.appointments().insert(appointment("a-2", "p-1", at("10:00"), at("10:30"), "dr-a"));
                return null;
            });
            throw failure;
        })).isSameAs(failure);

        assertThat(find(storage, A2)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void readInsideAUnitSeesItsWritesAndCannotWrite(Backend backend) {
        JdbcStorage storage = open(backend);
        storage.inTransaction(tx -> {
            tx.audit().append(audit("appointment.book", "a-1"));
            int seen = storage.read(view -> view.audit().all().size());
            assertThat(seen).isEqualTo(1);
            assertThatThrownBy(() -> storage.read(view -> {
                view.audit().append(audit("appointment.book", "a-2"));
                return null;
            })).isInstanceOf(IllegalStateException.class);
            return null;
        });

        int committed = storage.read(tx -> tx.audit().all().size());
        assertThat(committed).isEqualTo(1);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void writesAndWritingUnitsAreRefusedInsideRead(Backend backend) {
        JdbcStorage storage = open(backend);

        assertThatThrownBy(() -> storage.read(tx -> {
            tx.audit().append(audit("appointment.book", "a-1"));
            return null;
        })).isInstanceOf(IllegalStateException.class).hasMessageContaining("read-only");
        assertThatThrownBy(() -> storage.read(tx -> storage.inTransaction(inner -> null)))
                .isInstanceOf(IllegalStateException.class);
        List<AuditRecord> trail = storage.read(tx -> tx.audit().all());
        assertThat(trail).isEmpty();
    }

    @Test
    void transactionAndItsStoresAreRefusedAfterTheUnitAndOnOtherThreads() throws Exception {
        JdbcStorage storage = open(Backend.H2);
        List<StorageTransaction> kept = new ArrayList<>();
        List<AuditStore> keptStore = new ArrayList<>();
        List<Throwable> fromOtherThread = new ArrayList<>();
        storage.inTransaction(tx -> {
            kept.add(tx);
            keptStore.add(tx.audit());
            try {
                CompletableFuture.runAsync(() -> {
                    fromOtherThread.add(catchThrowable(tx::audit));
                    fromOtherThread.add(catchThrowable(() -> keptStore.get(0).append(audit("appointment.book", "a-1"))));
                }).get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            return null;
        });

        assertThat(fromOtherThread).allMatch(t -> t instanceof IllegalStateException);
        assertThatThrownBy(() -> kept.get(0).audit()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> keptStore.get(0).all()).isInstanceOf(IllegalStateException.class);
        List<AuditRecord> trail = storage.read(tx -> tx.audit().all());
        assertThat(trail).isEmpty();
    }

    @Test
    void closedStorageRefusesNewUnits() {
        JdbcStorage storage = open(Backend.H2);
        storage.close();
        storage.close();

        assertThatThrownBy(() -> storage.inTransaction(tx -> null)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        assertThatThrownBy(() -> storage.read(tx -> null)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void idempotencyRecordSurvivesCloseAndReopenOfTheFile() {
        JdbcOptions options = JdbcOptions.embedded(dir.resolve("clinic"));
        IdempotencyRecord record = new IdempotencyRecord(IdempotencyKey.of("k-1"), "sha256:abc", "a-1",
                at("09:00").plusNanos(123_456_789));
        try (JdbcStorage storage = JdbcStorage.open(options)) {
            storage.inTransaction(tx -> {
                tx.idempotency().insert(record);
                return null;
            });
        }

        try (JdbcStorage reopened = JdbcStorage.open(options)) {
            Optional<IdempotencyRecord> found = reopened.read(tx -> tx.idempotency().find(IdempotencyKey.of("k-1")));
            assertThat(found).contains(record);
            assertThatThrownBy(() -> reopened.inTransaction(tx -> {
                tx.idempotency().insert(idempotency("k-1", "sha256:def", "a-2"));
                return null;
            })).hasMessageContaining("idempotency key k-1 already used");
        }
    }

    @Test
    void aCustomH2UrlGetsTheDurabilitySettings() throws Exception {
        JdbcOptions plain = new JdbcOptions("jdbc:h2:file:" + dir.resolve("plain"), "medcoord", "", 2, "medcoord");
        try (JdbcStorage storage = JdbcStorage.open(plain);
             java.sql.Connection c = java.sql.DriverManager.getConnection(plain.jdbcUrl(), "medcoord", "");
             java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rows = s.executeQuery("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS "
                     + "WHERE SETTING_NAME = 'WRITE_DELAY'")) {
            assertThat(storage.describe()).isEqualTo("jdbc:h2 file " + dir.resolve("plain") + " (schema medcoord)");
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo("0");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void schemaCanBeChosenAndTwoSchemasDoNotSeeEachOther(Backend backend) {
        JdbcOptions options = backend.fresh(dir);
        JdbcStorage clinicA = track(JdbcStorage.open(options.withSchema("clinic_a")));
        JdbcStorage clinicB = track(JdbcStorage.open(options.withSchema("clinic_b")));

        clinicA.inTransaction(tx -> {
            tx.appointments().insert(appointment("a-1", "p-1", at("09:00"), at("09:30"), "dr-a"));
            return null;
        });

        assertThat(find(clinicA, A1)).isPresent();
        assertThat(find(clinicB, A1)).isEmpty();
        assertThat(clinicB.describe()).contains("schema clinic_b");
    }

    private JdbcStorage open(Backend backend) {
        return track(JdbcStorage.open(backend.fresh(dir)));
    }

    private JdbcStorage track(JdbcStorage storage) {
        opened.add(storage);
        return storage;
    }

    private static Optional<Appointment> find(JdbcStorage storage, AppointmentId id) {
        return storage.read(tx -> tx.appointments().find(id));
    }

    private static Throwable catchThrowable(Runnable action) {
        try {
            action.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void heldBackWritesAreSeenByTheUnitAndSentInOrderBeforeTheNextWrite(Backend backend) {
        JdbcStorage storage = open(backend);

        List<String> seen = storage.inTransaction(tx -> {
            tx.appointments().insert(appointment("a-1", "p-1", at("09:00"), at("09:30"), "dr-a"));
            tx.outbox().append(org.medcoord.spi.testkit.Fixtures.event("e-1"));
            tx.audit().append(audit("appointment.book", "a-1"));
            List<String> ids = new ArrayList<>();
            tx.outbox().pending(10).forEach(e -> ids.add(e.eventId()));
            tx.appointments().find(A1).ifPresent(a -> ids.add(a.id().value()));
            // A second appointment sends the first one's held-back insert before it is held back.
            tx.appointments().insert(appointment("a-2", "p-1", at("10:00"), at("10:30"), "dr-a"));
            return ids;
        });

        assertThat(seen).containsExactly("e-1", "a-1");
        assertThat(find(storage, A1)).isPresent();
        assertThat(find(storage, AppointmentId.of("a-2"))).isPresent();
        List<AuditRecord> trail = storage.read(tx -> tx.audit().all());
        assertThat(trail).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aTakenEventIdHeldBackToTheCommitEndsTheUnitWithItsConflictAndSavesNothing(Backend backend) {
        JdbcStorage storage = open(backend);
        storage.inTransaction(tx -> {
            tx.outbox().append(org.medcoord.spi.testkit.Fixtures.event("e-1"));
            return null;
        });

        assertThatThrownBy(() -> storage.inTransaction(tx -> {
            tx.appointments().insert(appointment("a-1", "p-1", at("09:00"), at("09:30"), "dr-a"));
            tx.outbox().append(org.medcoord.spi.testkit.Fixtures.event("e-1"));
            tx.audit().append(audit("appointment.book", "a-1"));
            return null;
        })).isInstanceOfSatisfying(org.medcoord.api.common.ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("outbox-event-exists"));

        assertThat(find(storage, A1)).isEmpty();
        List<AuditRecord> trail = storage.read(tx -> tx.audit().all());
        assertThat(trail).isEmpty();
        List<org.medcoord.spi.storage.OutboxRecord> events = storage.read(tx -> tx.outbox().pending(10));
        assertThat(events).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aFinishingReadCommitsTheUnitOnPostgresqlAndLeavesItOpenOnH2(Backend backend) {
        JdbcStorage storage = open(backend);
        CalendarQuery query = new CalendarQuery(List.of(ResourceId.of("dr-a")), at("08:00"), at("18:00"), at("08:00"),
                Optional.of(PatientId.of("p-1")), at("08:00"), at("18:00")).asFinishing();

        List<Integer> seenElsewhere = new ArrayList<>();
        assertThatThrownBy(() -> storage.inTransaction(tx -> {
            tx.appointments().insert(appointment("a-1", "p-1", at("09:00"), at("09:30"), "dr-a"));
            tx.audit().append(audit("appointment.search", "consult"));
            assertThat(tx.calendar(query).patientAppointments()).extracting(Appointment::id).containsExactly(A1);
            try {
                seenElsewhere.add(CompletableFuture.supplyAsync(() -> storage.read(other -> other.audit().all()).size())
                        .get(30, TimeUnit.SECONDS));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
            tx.audit().append(audit("late", "x"));
            return null;
        })).isInstanceOf(IllegalStateException.class);

        int expected = backend == Backend.POSTGRES ? 1 : 0;
        assertThat(seenElsewhere).as("committed with the read, seen by another unit at once").containsExactly(expected);
        List<AuditRecord> kept = storage.read(tx -> tx.audit().all());
        assertThat(kept).as("kept after the unit failed").hasSize(expected);
        assertThat(find(storage, A1).isPresent()).isEqualTo(backend == Backend.POSTGRES);
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void aTakenEventIdHeldBackToAFinishingReadEndsTheUnitWithItsConflictAndSavesNothing(Backend backend) {
        JdbcStorage storage = open(backend);
        storage.inTransaction(tx -> {
            tx.outbox().append(org.medcoord.spi.testkit.Fixtures.event("e-1"));
            return null;
        });
        CalendarQuery query = new CalendarQuery(List.of(ResourceId.of("dr-a")), at("08:00"), at("18:00"), at("08:00"),
                Optional.empty(), at("08:00"), at("18:00")).asFinishing();

        assertThatThrownBy(() -> storage.inTransaction(tx -> {
            tx.appointments().insert(appointment("a-1", "p-1", at("09:00"), at("09:30"), "dr-a"));
            tx.outbox().append(org.medcoord.spi.testkit.Fixtures.event("e-1"));
            tx.audit().append(audit("appointment.search", "consult"));
            return tx.calendar(query);
        })).isInstanceOfSatisfying(org.medcoord.api.common.ConflictException.class,
                e -> assertThat(e.code()).isEqualTo("outbox-event-exists"));

        assertThat(find(storage, A1)).isEmpty();
        List<AuditRecord> trail = storage.read(tx -> tx.audit().all());
        assertThat(trail).isEmpty();
    }
}
