package org.medcoord.core;

import static java.time.DayOfWeek.MONDAY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.medcoord.adapter.memory.MemoryStorage;
import org.medcoord.api.Coordinator;
import org.medcoord.api.CoordinatorSession;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.Role;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.AppointmentStatus;
import org.medcoord.api.appointment.Appointments;
import org.medcoord.api.appointment.BookCommand;
import org.medcoord.api.appointment.CancelCommand;
import org.medcoord.api.appointment.CancellationReason;
import org.medcoord.api.appointment.WaitList;
import org.medcoord.api.common.Feature;
import org.medcoord.api.common.FeatureUnavailableException;
import org.medcoord.api.common.InvalidRequestException;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.common.PluginConfigurationException;
import org.medcoord.api.document.Paperwork;
import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ResourceKind;
import org.medcoord.api.schedule.ResourceRequirement;
import org.medcoord.api.schedule.ScheduleAdministration;
import org.medcoord.api.schedule.ServiceType;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.api.schedule.WeeklyTemplate;
import org.medcoord.spi.CoordinatorPlugin;
import org.medcoord.spi.storage.Storage;
import org.medcoord.spi.storage.StorageTransaction;

/**
 * A storage that keeps only some features' data, written against the storage SPI as it stands
 * before later features are added (compiled by {@link FrozenSpi} from {@code frozen-spi/}, which
 * nobody edits),
 * loads through ServiceLoader and runs a coordinator built with those features; asking for a
 * feature it does not keep fails naming the feature; and the SPI types a vendor implements gain no
 * methods when features are added.
 */
class FeatureSubsetTest {
    private static final ServiceTypeId CONSULT = ServiceTypeId.of("consult");
    private static final LocalDate MONDAY_1 = TestClinic.MONDAY_1;

    /** The frozen plugin, found by ServiceLoader among the plugins this class loader sees. */
    private static CoordinatorPlugin frozenPlugin() {
        ClassLoader frozen = FrozenSpi.loader();
        return java.util.ServiceLoader.load(CoordinatorPlugin.class, frozen).stream()
                .filter(provider -> provider.type().getClassLoader() == frozen)
                .map(java.util.ServiceLoader.Provider::get).findFirst().orElseThrow();
    }

    private static Coordinator build(Feature... features) {
        return Coordinators.builder().plugin(frozenPlugin()).features(features)
                .clock(new TestClock(TestClinic.at(MONDAY_1, "07:00"))).build();
    }

    @Test
    void a_storage_of_schedules_and_appointments_runs_a_coordinator_with_those_features() {
        try (Coordinator coordinator = build(Appointments.FEATURE)) {
            CoordinatorSession admin = coordinator.session(Actor.of("u-admin", "fac-1", Role.ADMINISTRATOR),
                    Purpose.OPERATIONS);
            ScheduleAdministration schedule = admin.schedule();
            schedule.defineResource(Resource.of("dr-a", ResourceKind.PRACTITIONER, "Cardiologist A", TestClinic.ZONE,
                    "north", "cardiology"));
            schedule.addTemplate(WeeklyTemplate.of(org.medcoord.api.schedule.ResourceId.of("dr-a"),
                    LocalDate.of(2027, 1, 1), "08:00", "17:00", MONDAY));
            schedule.defineService(ServiceType.of("consult", "Cardiology consult", Duration.ofMinutes(30),
                    ResourceRequirement.of("specialist", ResourceKind.PRACTITIONER, "cardiology")));
            CoordinatorSession desk = coordinator.session(Actor.of("u-desk", "fac-1", Role.SCHEDULER),
                    Purpose.TREATMENT);
            Instant nine = TestClinic.at(MONDAY_1, "09:00");
            Appointment booked = desk.appointments().book(BookCommand.at(CONSULT, PatientId.of("p-1"), nine))
                    .appointment();
            assertThat(booked.start()).isEqualTo(nine);
            assertThat(desk.facade(Appointments.class).get(booked.id()).id()).isEqualTo(booked.id());
            // Cancelling frees the time; with no wait list there is nobody to offer it to.
            assertThat(desk.appointments().cancel(new CancelCommand(booked.id(), CancellationReason.PATIENT_REQUEST))
                    .offers()).isEmpty();
            assertThat(desk.appointments().get(booked.id()).status()).isEqualTo(AppointmentStatus.CANCELLED);
            assertThat(coordinator.session(Actor.of("u-privacy", "fac-1", Role.PRIVACY_OFFICER), Purpose.OPERATIONS)
                    .audit().verify().ok()).isTrue();

            assertThatThrownBy(desk::documents).isInstanceOf(FeatureUnavailableException.class)
                    .hasMessageContaining("'documents'");
            assertThatThrownBy(desk::waitList).isInstanceOf(FeatureUnavailableException.class)
                    .hasMessageContaining("'waitlist'");
            assertThatThrownBy(() -> desk.facade(Paperwork.class)).isInstanceOf(FeatureUnavailableException.class);
            assertThatThrownBy(() -> desk.facade(String.class)).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("type");
        }
    }

    @Test
    void a_feature_whose_data_the_storage_does_not_keep_is_refused_naming_it() {
        assertThatThrownBy(() -> build(Paperwork.FEATURE)).isInstanceOf(PluginConfigurationException.class)
                .hasMessageContaining("feature 'documents' keeps its data in DocumentStore, which storage "
                        + "frozen-subset does not keep")
                .message().doesNotContain("'appointments'");
        // Every feature, the default, names each feature that cannot run.
        assertThatThrownBy(() -> build()).isInstanceOf(PluginConfigurationException.class)
                .hasMessageContaining("feature 'waitlist' keeps its data in WaitlistStore")
                .hasMessageContaining("feature 'documents' keeps its data in DocumentStore")
                .hasMessageContaining("name the features to run on the builder");
        assertThatThrownBy(() -> build(new Feature("no-such-feature"))).isInstanceOf(PluginConfigurationException.class)
                .hasMessageContaining("feature 'no-such-feature' is unknown");
    }

    @Test
    void a_storage_that_keeps_every_feature_runs_them_all_by_default() {
        try (Coordinator coordinator = Coordinators.builder().plugin(new CoordinatorPlugin() {
            @Override
            public String id() {
                return "memory";
            }

            @Override
            public List<Storage> storages() {
                return List.of(new MemoryStorage());
            }
        }).build()) {
            CoordinatorSession desk = coordinator.session(Actor.of("u-desk", "fac-1", Role.SCHEDULER),
                    Purpose.TREATMENT);
            assertThat(desk.facade(WaitList.class)).isSameAs(desk.waitList());
            assertThat(desk.facade(Paperwork.class)).isSameAs(desk.documents());
        }
    }

    /**
     * What a vendor implements does not grow: a feature added later brings its own store port and
     * reaches it through {@code StorageTransaction.store(Class)}, so the methods of the two types
     * every storage implements stay these. A change here breaks every storage written before it.
     */
    @Test
    void the_types_a_storage_implements_gain_no_methods_when_features_are_added() {
        assertThat(abstractMethods(StorageTransaction.class)).containsExactly("find");
        assertThat(abstractMethods(Storage.class)).containsExactly("describe", "inTransaction", "stores");
        assertThat(allMethods(StorageTransaction.class)).containsExactly("appointments", "audit", "calendar",
                "claims", "documents", "find", "holds", "idempotency", "outbox", "schedule", "store", "waitlist");
        assertThat(allMethods(Storage.class)).containsExactly("close", "describe", "inTransaction", "read", "stores");
    }

    private static Set<String> abstractMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).filter(m -> Modifier.isAbstract(m.getModifiers()))
                .map(Method::getName).collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<String> allMethods(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods()).filter(m -> !m.isSynthetic()).map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
