package org.medcoord.core.audit;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.medcoord.adapter.memory.MemoryStorage;
import org.medcoord.api.Coordinator;
import org.medcoord.api.CoordinatorSession;
import org.medcoord.api.access.AccessMode;
import org.medcoord.api.access.AccessPolicy;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.DataCategory;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.Role;
import org.medcoord.api.appointment.BookCommand;
import org.medcoord.api.appointment.Booking;
import org.medcoord.api.audit.NodeId;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.ResourceKind;
import org.medcoord.api.schedule.ResourceRequirement;
import org.medcoord.api.schedule.ScheduleAdministration;
import org.medcoord.api.schedule.ServiceType;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.api.schedule.WeeklyTemplate;
import org.medcoord.core.Coordinators;
import org.medcoord.core.TestClinic;
import org.medcoord.core.TestClock;
import org.medcoord.core.audit.internal.GeneratedKeyProvider;
import org.medcoord.spi.CoordinatorPlugin;
import org.medcoord.spi.audit.AuditSink;
import org.medcoord.spi.audit.ExportedAuditEvent;
import org.medcoord.spi.audit.KeyProvider;
import org.medcoord.spi.storage.Storage;

/**
 * A one-doctor clinic on the memory adapter whose plugin provides a key provider and an audit
 * sink that collects what it is given. Background sealing is slow so that tests seal on demand.
 */
final class AuditedClinic implements AutoCloseable {
    static final ServiceTypeId CONSULT = ServiceTypeId.of("consult");
    static final NodeId NODE = NodeId.of("node-7");

    final TestClock clock = new TestClock(TestClinic.at(TestClinic.MONDAY_1, "07:00"));
    final MemoryStorage storage = new MemoryStorage();
    final GeneratedKeyProvider keys = new GeneratedKeyProvider("clinic-audit");
    final List<ExportedAuditEvent> exported = new CopyOnWriteArrayList<>();
    /** While set, the sink refuses every batch, as an unreachable SIEM would. */
    final java.util.concurrent.atomic.AtomicBoolean sinkDown = new java.util.concurrent.atomic.AtomicBoolean();
    /** The standard policy plus a study desk: clinicians may read appointments for research. */
    static final AccessPolicy RESEARCH_READS_APPOINTMENTS = AccessPolicy.standard().toBuilder()
            .allow(Role.CLINICIAN, Purpose.RESEARCH, DataCategory.APPOINTMENT, AccessMode.READ).build();

    final Coordinator coordinator;
    final CoordinatorSession desk;
    final CoordinatorSession clinician;
    private CoordinatorSession emergency;
    final CoordinatorSession researcher;
    final CoordinatorSession officer;

    AuditedClinic() {
        AuditSink sink = new AuditSink() {
            @Override
            public String id() {
                return "collector";
            }

            @Override
            public void accept(List<ExportedAuditEvent> events) {
                if (sinkDown.get()) {
                    throw new IllegalStateException("collector unreachable");
                }
                exported.addAll(events);
            }
        };
        coordinator = Coordinators.builder().plugin(new CoordinatorPlugin() {
            @Override
            public String id() {
                return "audited-clinic";
            }

            @Override
            public List<Storage> storages() {
                return List.of(storage);
            }

            @Override
            public List<KeyProvider> keyProviders() {
                return List.of(keys);
            }

            @Override
            public List<AuditSink> auditSinks() {
                return List.of(sink);
            }
        }).accessPolicy(RESEARCH_READS_APPOINTMENTS).clock(clock).node(NODE).sealAuditEvery(Duration.ofHours(1)).build();
        CoordinatorSession admin = coordinator.session(Actor.of("u-admin", "fac-1", Role.ADMINISTRATOR),
                Purpose.OPERATIONS);
        desk = coordinator.session(Actor.of("u-desk", "fac-1", Role.SCHEDULER), Purpose.TREATMENT);
        clinician = coordinator.session(Actor.of("u-doc", "fac-1", Role.CLINICIAN), Purpose.TREATMENT);
        researcher = coordinator.session(Actor.of("u-study", "fac-1", Role.CLINICIAN), Purpose.RESEARCH);
        officer = coordinator.session(Actor.of("u-privacy", "fac-1", Role.PRIVACY_OFFICER), Purpose.OPERATIONS);
        ScheduleAdministration s = admin.schedule();
        s.defineResource(Resource.of("dr-a", ResourceKind.PRACTITIONER, "Cardiologist A", TestClinic.ZONE, "north",
                "cardiology"));
        s.defineResource(Resource.of("room-1", ResourceKind.LOCATION, "Exam 1", TestClinic.ZONE, "north", "exam-room"));
        for (String r : new String[] {"dr-a", "room-1"}) {
            s.addTemplate(WeeklyTemplate.of(ResourceId.of(r), LocalDate.of(2027, 1, 1), "08:00", "17:00", MONDAY,
                    TUESDAY, WEDNESDAY, THURSDAY, FRIDAY));
        }
        s.defineService(ServiceType.of("consult", "Cardiology consult", Duration.ofMinutes(30),
                ResourceRequirement.of("specialist", ResourceKind.PRACTITIONER, "cardiology"),
                ResourceRequirement.of("room", ResourceKind.LOCATION, "exam-room")));
    }

    Booking book(String patient, String localTime) {
        clock.advance(Duration.ofSeconds(1));
        return desk.appointments().book(BookCommand.at(CONSULT, PatientId.of(patient),
                TestClinic.at(TestClinic.MONDAY_1, localTime)));
    }

    Instant now() {
        return clock.instant();
    }

    List<String> exportedActions() {
        List<String> actions = new ArrayList<>();
        for (ExportedAuditEvent event : exported) {
            actions.add(event.event().record().action());
        }
        return actions;
    }

    @Override
    public void close() {
        coordinator.close();
    }

    /** An emergency physician of another facility who breaks the glass on first use. */
    CoordinatorSession emergency() {
        if (emergency == null) {
            emergency = coordinator.breakGlass(new Actor(org.medcoord.api.access.UserId.of("u-er"),
                    java.util.Set.of(Role.CLINICIAN), org.medcoord.api.access.FacilityId.of("fac-2"),
                    java.util.Optional.of(org.medcoord.api.access.UserId.of("u-attending"))),
                    org.medcoord.api.access.EmergencyAccess.of("unconscious-patient", Duration.ofMinutes(30)));
        }
        return emergency;
    }
}
