package org.medcoord.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medcoord.core.TestClinic.MONDAY_1;
import static org.medcoord.core.TestClinic.ZONE;
import static org.medcoord.core.TestClinic.at;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medcoord.api.Coordinator;
import org.medcoord.api.CoordinatorSession;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.Role;
import org.medcoord.api.appointment.BookCommand;
import org.medcoord.api.audit.AuditOutcome;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.ResourceKind;
import org.medcoord.api.schedule.ResourceRequirement;
import org.medcoord.api.schedule.ServiceType;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.api.schedule.SlotOption;
import org.medcoord.api.schedule.SlotQuery;
import org.medcoord.api.schedule.Unavailability;
import org.medcoord.api.schedule.UnavailabilityKind;
import org.medcoord.api.schedule.WeeklyTemplate;
import org.medcoord.core.Coordinators;
import org.medcoord.core.TestClinic;
import org.medcoord.spi.CoordinatorPlugin;
import org.medcoord.spi.storage.Storage;

/**
 * Facility data is cached per coordinator and read again only when the schedule version moved:
 * a change made through another coordinator on the same storage (another node) is seen by the
 * next search and booking here, and the unit that finds its cached copy stale runs again without
 * leaving a failed audit record behind.
 */
class FacilityCacheTest {
    private static final PatientId P1 = PatientId.of("p-1");
    private static final ServiceTypeId CONSULT = ServiceTypeId.of("consult");

    private final TestClinic clinic = new TestClinic();
    private final Coordinator other = Coordinators.builder().plugin(new CoordinatorPlugin() {
        @Override
        public String id() {
            return "shared-storage";
        }

        @Override
        public List<Storage> storages() {
            return List.of(clinic.storage);
        }
    }).clock(clinic.clock).build();
    private final CoordinatorSession otherAdmin = other.session(Actor.of("u-admin2", "fac-1", Role.ADMINISTRATOR),
            Purpose.OPERATIONS);

    @AfterEach
    void close() {
        other.close();
        clinic.close();
    }

    private List<SlotOption> mondayConsults() {
        return clinic.desk.appointments().findSlots(SlotQuery.earliest(CONSULT, P1, at(MONDAY_1, "00:00"),
                at(MONDAY_1, "23:00"), 500));
    }

    @Test
    void unavailability_added_on_another_node_is_seen_by_the_next_search_and_booking() {
        List<SlotOption> before = mondayConsults();
        assertThat(before).anyMatch(o -> o.resources().stream().anyMatch(a -> a.resource().value().equals("dr-a")));

        for (String r : new String[] {"dr-a", "dr-b"}) {
            otherAdmin.schedule().addUnavailability(new Unavailability(ResourceId.of(r), at(MONDAY_1, "00:00"),
                    at(MONDAY_1, "12:00"), UnavailabilityKind.CLOSURE, "leave"));
        }

        List<SlotOption> after = mondayConsults();
        assertThat(after).isNotEmpty().allMatch(o -> !o.start().isBefore(at(MONDAY_1, "12:00")));
        int audited = auditCount();
        assertThat(clinic.storage.read(tx -> tx.audit().all()).stream().map(AuditRecord::outcome))
                .doesNotContain(AuditOutcome.FAILED);

        otherAdmin.schedule().addUnavailability(new Unavailability(ResourceId.of("dr-a"), at(MONDAY_1, "12:00"),
                at(MONDAY_1, "13:00"), UnavailabilityKind.CLOSURE, "leave"));
        Instant wanted = at(MONDAY_1, "12:00");
        var booked = clinic.desk.appointments().book(BookCommand.at(CONSULT, P1, wanted));
        assertThat(booked.appointment().resources()).noneMatch(a -> a.resource().value().equals("dr-a"));
        assertThat(auditCount()).isEqualTo(audited + 1);
        assertThat(clinic.storage.read(tx -> tx.audit().all()).stream().map(AuditRecord::outcome))
                .doesNotContain(AuditOutcome.FAILED);
    }

    @Test
    void a_service_and_resources_defined_on_another_node_can_be_booked_at_once() {
        mondayConsults();
        otherAdmin.schedule().defineResource(Resource.of("echo-1", ResourceKind.DEVICE, "Echo cart", ZONE, "north",
                "echo"));
        otherAdmin.schedule().addTemplate(WeeklyTemplate.of(ResourceId.of("echo-1"), MONDAY_1.minusDays(7), "08:00",
                "17:00", MONDAY_1.getDayOfWeek()));
        otherAdmin.schedule().defineService(ServiceType.of("echo", "Echocardiogram", Duration.ofMinutes(20),
                ResourceRequirement.of("cart", ResourceKind.DEVICE, "echo")));

        var booked = clinic.desk.appointments().book(BookCommand.at(ServiceTypeId.of("echo"), P1,
                at(MONDAY_1, "10:00")));
        assertThat(booked.appointment().resources()).extracting(a -> a.resource().value()).containsExactly("echo-1");
        assertThat(clinic.desk.appointments().findSlots(SlotQuery.earliest(ServiceTypeId.of("echo"), P1,
                at(MONDAY_1, "00:00"), at(MONDAY_1, "23:00"), 1))).isNotEmpty();
        assertThat(clinic.storage.read(tx -> tx.audit().all()).stream().map(AuditRecord::outcome))
                .doesNotContain(AuditOutcome.FAILED);
    }

    private int auditCount() {
        return clinic.storage.read(tx -> tx.audit().all()).size();
    }
}
