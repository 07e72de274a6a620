package org.medcoord.example.vendorstorage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medcoord.api.Coordinator;
import org.medcoord.api.CoordinatorSession;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.Role;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.appointment.AppointmentStatus;
import org.medcoord.api.appointment.Appointments;
import org.medcoord.api.appointment.BookCommand;
import org.medcoord.api.appointment.CancelCommand;
import org.medcoord.api.appointment.CancellationReason;
import org.medcoord.api.common.FeatureUnavailableException;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.common.PluginConfigurationException;
import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.ResourceKind;
import org.medcoord.api.schedule.ResourceRequirement;
import org.medcoord.api.schedule.ServiceType;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.api.schedule.WeeklyTemplate;
import org.medcoord.core.Coordinators;
import org.medcoord.core.CoordinatorBuilder;
import org.medcoord.spi.CoordinatorPlugin;

/**
 * The plugin as a host meets it: found by ServiceLoader, running a coordinator with the
 * appointments feature on a SQLite file, refusing the features whose data it does not keep, and
 * keeping its data (and a verifiable audit trail) across a restart on the same file.
 */
class VendorStorageDiscoveryTest {
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");
    private static final LocalDate MONDAY = LocalDate.of(2027, 3, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY));
    private static final Instant NINE = MONDAY.atTime(LocalTime.of(9, 0)).atZone(ZONE).toInstant();
    private static final Clock CLOCK = Clock.fixed(MONDAY.atTime(LocalTime.of(7, 0)).atZone(ZONE).toInstant(), ZONE);
    private static final ServiceTypeId CONSULT = ServiceTypeId.of("consult");
    private static final Actor ADMIN = Actor.of("u-admin", "fac-1", Role.ADMINISTRATOR);
    private static final Actor DESK = Actor.of("u-desk", "fac-1", Role.SCHEDULER);
    private static final Actor OFFICER = Actor.of("u-privacy", "fac-1", Role.PRIVACY_OFFICER);

    @TempDir
    Path dir;

    /** The signing key survives the restart, as a host's key store would. */
    private final CoordinatorPlugin keys = new TestKeys("test-key-1").plugin();

    @AfterEach
    void clearProperty() {
        System.clearProperty(VendorStoragePlugin.FILE_PROPERTY);
    }

    @Test
    void service_loader_finds_exactly_this_plugin_on_the_test_class_path() {
        List<Class<?>> found = ServiceLoader.load(CoordinatorPlugin.class, getClass().getClassLoader()).stream()
                .<Class<?>>map(ServiceLoader.Provider::type).toList();
        assertThat(found).containsExactly(VendorStoragePlugin.class);
    }

    @Test
    void a_discovered_plugin_runs_the_appointments_feature_and_keeps_its_data_across_a_restart() {
        Path file = dir.resolve("clinic.db");
        System.setProperty(VendorStoragePlugin.FILE_PROPERTY, file.toString());
        AppointmentId booked;
        try (Coordinator coordinator = discovered().features(Appointments.FEATURE).build()) {
            defineClinic(coordinator.session(ADMIN, Purpose.OPERATIONS));
            CoordinatorSession desk = coordinator.session(DESK, Purpose.TREATMENT);

            Appointment appointment = desk.appointments().book(BookCommand.at(CONSULT, PatientId.of("p-1"), NINE))
                    .appointment();
            booked = appointment.id();
            assertThat(appointment.start()).isEqualTo(NINE);
            assertThat(desk.appointments().get(booked).status()).isEqualTo(AppointmentStatus.BOOKED);

            assertThat(desk.appointments().cancel(new CancelCommand(booked, CancellationReason.PATIENT_REQUEST))
                    .offers()).isEmpty();
            assertThat(desk.appointments().get(booked).status()).isEqualTo(AppointmentStatus.CANCELLED);
            assertThatThrownBy(desk::waitList).isInstanceOf(FeatureUnavailableException.class);
            assertThat(coordinator.session(OFFICER, Purpose.OPERATIONS).audit().verify().ok()).isTrue();
        }

        // The same file again, this time registered explicitly, as a restarted host would.
        try (Coordinator reopened = Coordinators.builder().plugin(new VendorStoragePlugin(file)).plugin(keys)
                .clock(CLOCK).features(Appointments.FEATURE).build()) {
            CoordinatorSession desk = reopened.session(DESK, Purpose.TREATMENT);
            Appointment again = desk.appointments().get(booked);
            assertThat(again.status()).isEqualTo(AppointmentStatus.CANCELLED);
            assertThat(again.start()).isEqualTo(NINE);
            assertThat(reopened.session(ADMIN, Purpose.OPERATIONS).schedule().resource(ResourceId.of("dr-a")))
                    .isPresent();
            // The freed time can be booked again.
            assertThat(desk.appointments().book(BookCommand.at(CONSULT, PatientId.of("p-2"), NINE)).appointment()
                    .start()).isEqualTo(NINE);
            assertThat(reopened.session(OFFICER, Purpose.OPERATIONS).audit().verify().ok()).isTrue();
        }
    }

    @Test
    void every_feature_by_default_is_refused_naming_the_features_whose_data_it_does_not_keep() {
        System.setProperty(VendorStoragePlugin.FILE_PROPERTY, dir.resolve("all.db").toString());

        assertThatThrownBy(() -> discovered().build()).isInstanceOf(PluginConfigurationException.class)
                .hasMessageContaining("feature 'waitlist' keeps its data in WaitlistStore")
                .hasMessageContaining("feature 'documents' keeps its data in DocumentStore")
                .hasMessageContaining("vendor-sqlite");
    }

    @Test
    void a_discovered_plugin_without_a_file_says_which_property_to_set() {
        assertThatThrownBy(() -> discovered().features(Appointments.FEATURE).build())
                .isInstanceOf(PluginConfigurationException.class)
                .hasMessageContaining("vendor-storage");
        assertThatThrownBy(() -> new VendorStoragePlugin().storages()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(VendorStoragePlugin.FILE_PROPERTY);
    }

    private CoordinatorBuilder discovered() {
        return Coordinators.builder().discoverPlugins(getClass().getClassLoader()).plugin(keys).clock(CLOCK);
    }

    private static void defineClinic(CoordinatorSession admin) {
        admin.schedule().defineResource(Resource.of("dr-a", ResourceKind.PRACTITIONER, "Cardiologist A", ZONE, "north",
                "cardiology"));
        admin.schedule().addTemplate(WeeklyTemplate.of(ResourceId.of("dr-a"), MONDAY.minusWeeks(1), "08:00", "17:00",
                DayOfWeek.MONDAY));
        admin.schedule().defineService(ServiceType.of("consult", "Cardiology consult", Duration.ofMinutes(30),
                ResourceRequirement.of("specialist", ResourceKind.PRACTITIONER, "cardiology")));
    }
}
