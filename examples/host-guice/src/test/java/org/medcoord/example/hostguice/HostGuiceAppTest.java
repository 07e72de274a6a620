package org.medcoord.example.hostguice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Guice;
import com.google.inject.Injector;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.medcoord.api.Coordinator;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.common.PluginConfigurationException;
import org.medcoord.core.Coordinators;

class HostGuiceAppTest {
    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    /** A Monday, before the clinic opens. */
    private static final Clock MONDAY_EARLY = Clock.fixed(LocalDateTime.of(2027, 3, 1, 7, 0).atZone(CHICAGO)
            .toInstant(), CHICAGO);

    @Test
    void the_hosts_injector_hands_its_service_the_coordinator_and_books_without_overlap() {
        Injector injector = Guice.createInjector(new HostModule(MONDAY_EARLY));
        try (Coordinator coordinator = injector.getInstance(Coordinator.class)) {
            FrontDesk desk = injector.getInstance(FrontDesk.class);
            assertThat(injector.getInstance(Coordinator.class)).isSameAs(coordinator);
            desk.openClinic();
            Appointment first = desk.bookFirstFree(PatientId.of("p-1"));
            Appointment second = desk.bookFirstFree(PatientId.of("p-2"));
            assertThat(first.start().atZone(CHICAGO).toLocalDateTime()).isEqualTo(LocalDateTime.of(2027, 3, 1, 8, 0));
            assertThat(second.start()).isEqualTo(first.end());
        }
    }

    @Test
    void the_module_exposes_the_coordinator_and_keeps_medcoord_internals_private() {
        Injector injector = Guice.createInjector(new HostModule(MONDAY_EARLY));
        try (Coordinator coordinator = injector.getInstance(Coordinator.class)) {
            assertThat(injector.getAllBindings().keySet())
                    .noneMatch(key -> key.getTypeLiteral().getRawType().getName().contains(".internal."));
            assertThat(coordinator).isNotNull();
        }
    }

    @Test
    void a_bad_configuration_fails_when_the_module_is_made_before_any_injector_exists() {
        assertThatThrownBy(() -> Coordinators.builder().module()).isInstanceOf(PluginConfigurationException.class)
                .hasMessageContaining("no storage");
    }
}
