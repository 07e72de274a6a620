package org.medcoord.adapter.jdbc.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medcoord.adapter.jdbc.JdbcOptions;
import org.medcoord.adapter.jdbc.JdbcStorage;
import org.medcoord.api.Coordinator;
import org.medcoord.api.CoordinatorSession;
import org.medcoord.api.audit.AuditOutcome;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.common.AdapterException;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.SlotQuery;
import org.medcoord.core.Coordinators;
import org.medcoord.spi.CoordinatorPlugin;
import org.medcoord.spi.storage.CalendarQuery;
import org.medcoord.spi.storage.CalendarRead;
import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.storage.StorageTransaction;
import org.medcoord.spi.storage.TransactionWork;

/**
 * A patient's free-slot search records its access before its finishing calendar read, so that on
 * PostgreSQL the record and the read go in one round trip and commit together. A search that
 * fails after that read therefore leaves both its success record and its failure record on
 * PostgreSQL, and only the failure record on H2, which commits nothing before the unit ends.
 */
class SearchAuditIT {
    private static final PatientId PATIENT = PatientId.of("p-search");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"postgresql", "h2"})
    void a_search_failing_after_its_finishing_read_is_audited_as_failed_and_keeps_what_the_storage_committed(
            String backend) {
        JdbcOptions options = backend.equals("h2") ? JdbcOptions.embedded(dir.resolve("search"))
                : ItPostgres.newDatabase("search_audit");
        AtomicBoolean failAfterRead = new AtomicBoolean();
        try (JdbcStorage storage = JdbcStorage.open(options);
             Coordinator coordinator = Coordinators.builder().plugin(plugin(new FailingAfterRead(storage,
                     failAfterRead))).clock(new TestClock(ItClinic.NOW)).build()) {
            ItClinic.define(coordinator, 2);
            CoordinatorSession desk = ItClinic.desk(coordinator, "u-desk");
            SlotQuery query = SlotQuery.earliest(ItClinic.VISIT, PATIENT, ItClinic.at(0, 0), ItClinic.at(7, 0), 5);

            assertThat(desk.appointments().findSlots(query)).hasSize(5);
            failAfterRead.set(true);
            assertThatThrownBy(() -> desk.appointments().findSlots(query)).isInstanceOf(AdapterException.class)
                    .hasMessageContaining("simulated");

            List<AuditRecord> searches = storage.read(tx -> tx.audit().all()).stream()
                    .filter(r -> r.action().equals("appointment.search")).toList();
            assertThat(searches).allMatch(r -> r.patient().equals(Optional.of(PATIENT)));
            List<AuditOutcome> outcomes = searches.stream().map(AuditRecord::outcome).toList();
            if (backend.equals("postgresql")) {
                assertThat(outcomes).containsExactly(AuditOutcome.SUCCESS, AuditOutcome.SUCCESS, AuditOutcome.FAILED);
            } else {
                assertThat(outcomes).containsExactly(AuditOutcome.SUCCESS, AuditOutcome.FAILED);
            }
        }
    }

    private static CoordinatorPlugin plugin(Storage storage) {
        return new CoordinatorPlugin() {
            @Override
            public String id() {
                return "failing-after-read";
            }

            @Override
            public List<Storage> storages() {
                return List.of(storage);
            }
        };
    }

    /** The storage, whose finishing calendar reads fail once read while {@code armed}. */
    private static final class FailingAfterRead implements Storage {
        private final Storage storage;
        private final AtomicBoolean armed;

        FailingAfterRead(Storage storage, AtomicBoolean armed) {
            this.storage = storage;
            this.armed = armed;
        }

        @Override
        public <T> T inTransaction(TransactionWork<T> work) {
            return storage.inTransaction(tx -> work.run(failing(tx)));
        }

        @Override
        public <T> T read(TransactionWork<T> work) {
            return storage.read(tx -> work.run(failing(tx)));
        }

        @Override
        public java.util.Set<Class<?>> stores() {
            return storage.stores();
        }

        @Override
        public String describe() {
            return storage.describe();
        }

        private StorageTransaction failing(StorageTransaction tx) {
            return (StorageTransaction) Proxy.newProxyInstance(StorageTransaction.class.getClassLoader(),
                    new Class<?>[] {StorageTransaction.class}, (proxy, method, args) -> {
                        Object result;
                        try {
                            result = method.invoke(tx, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                        if (result instanceof CalendarRead && ((CalendarQuery) args[0]).finishing() && armed.get()) {
                            throw new AdapterException("simulated failure after the calendar read", null);
                        }
                        return result;
                    });
        }
    }
}
