package org.medcoord.core;

import static java.time.DayOfWeek.FRIDAY;
import static java.time.DayOfWeek.MONDAY;
import static java.time.DayOfWeek.THURSDAY;
import static java.time.DayOfWeek.TUESDAY;
import static java.time.DayOfWeek.WEDNESDAY;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.medcoord.adapter.memory.MemoryStorage;
import org.medcoord.api.Coordinator;
import org.medcoord.api.CoordinatorSession;
import org.medcoord.api.access.AccessPolicy;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.Role;
import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ResourceKind;
import org.medcoord.api.schedule.ResourceRequirement;
import org.medcoord.api.schedule.ScheduleAdministration;
import org.medcoord.api.schedule.ServiceType;
import org.medcoord.api.schedule.WeeklyTemplate;
import org.medcoord.spi.CoordinatorPlugin;
import org.medcoord.spi.storage.Storage;

/**
 * A small clinic in New York for core tests: two cardiologists, two exam rooms, an MRI scanner
 * with its technologist and suite; weekdays 08:00-17:00 local time. The clock starts on Monday
 * 2027-03-01 at 07:00 local.
 */
public final class TestClinic implements AutoCloseable {
    public static final ZoneId ZONE = ZoneId.of("America/New_York");
    public static final LocalDate MONDAY_1 = LocalDate.of(2027, 3, 1);

    public final TestClock clock = new TestClock(at(MONDAY_1, "07:00"));
    public final MemoryStorage storage = new MemoryStorage();
    public final Coordinator coordinator;
    public final CoordinatorSession admin;
    public final CoordinatorSession desk;
    public final CoordinatorSession supervisor;

    public TestClinic() {
        this(AccessPolicy.standard());
    }

    public TestClinic(AccessPolicy policy) {
        coordinator = Coordinators.builder().accessPolicy(policy).plugin(new CoordinatorPlugin() {
            @Override
            public String id() {
                return "test-storage";
            }

            @Override
            public List<Storage> storages() {
                return List.of(storage);
            }
        }).clock(clock).build();
        admin = coordinator.session(Actor.of("u-admin", "fac-1", Role.ADMINISTRATOR), Purpose.OPERATIONS);
        desk = coordinator.session(Actor.of("u-desk", "fac-1", Role.SCHEDULER), Purpose.TREATMENT);
        supervisor = coordinator.session(Actor.of("u-super", "fac-1", Role.SUPERVISOR), Purpose.TREATMENT);
        ScheduleAdministration s = admin.schedule();
        s.defineResource(Resource.of("dr-a", ResourceKind.PRACTITIONER, "Cardiologist A", ZONE, "north", "cardiology"));
        s.defineResource(Resource.of("dr-b", ResourceKind.PRACTITIONER, "Cardiologist B", ZONE, "south", "cardiology"));
        s.defineResource(Resource.of("room-1", ResourceKind.LOCATION, "Exam 1", ZONE, "north", "exam-room"));
        s.defineResource(Resource.of("room-2", ResourceKind.LOCATION, "Exam 2", ZONE, "south", "exam-room"));
        s.defineResource(Resource.of("mri-1", ResourceKind.DEVICE, "MRI scanner", ZONE, "north", "mri"));
        s.defineResource(Resource.of("tech-1", ResourceKind.PRACTITIONER, "MRI technologist", ZONE, "north", "mri-tech"));
        s.defineResource(Resource.of("suite-1", ResourceKind.LOCATION, "MRI suite", ZONE, "north", "mri-suite"));
        for (String r : new String[] {"dr-a", "dr-b", "room-1", "room-2", "mri-1", "tech-1", "suite-1"}) {
            s.addTemplate(WeeklyTemplate.of(org.medcoord.api.schedule.ResourceId.of(r), LocalDate.of(2027, 1, 1),
                    "08:00", "17:00", MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY));
        }
        s.defineService(ServiceType.of("consult", "Cardiology consult", Duration.ofMinutes(30),
                ResourceRequirement.of("specialist", ResourceKind.PRACTITIONER, "cardiology"),
                ResourceRequirement.of("room", ResourceKind.LOCATION, "exam-room"))
                .withBuffers(Duration.ZERO, Duration.ofMinutes(5)));
        s.defineService(ServiceType.of("mri", "MRI", Duration.ofMinutes(45),
                ResourceRequirement.of("scanner", ResourceKind.DEVICE, "mri"),
                ResourceRequirement.of("technologist", ResourceKind.PRACTITIONER, "mri-tech"),
                ResourceRequirement.of("suite", ResourceKind.LOCATION, "mri-suite"))
                .withBuffers(Duration.ofMinutes(10), Duration.ofMinutes(15)));
    }

    /** Everything a failed call must not change: claims, appointments, holds, outbox, wait list. */
    public String snapshot() {
        return storage.read(tx -> {
            List<org.medcoord.api.schedule.ResourceId> all = tx.schedule().resources().stream()
                    .map(Resource::id).toList();
            StringBuilder b = new StringBuilder();
            b.append(tx.claims().active(all, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z"), Instant.EPOCH));
            for (org.medcoord.api.schedule.ResourceId r : all) {
                b.append(tx.appointments().forResource(r, Instant.EPOCH, Instant.parse("2100-01-01T00:00:00Z")));
            }
            b.append(tx.outbox().pending(100_000));
            b.append(tx.waitlist().open(org.medcoord.api.schedule.ServiceTypeId.of("consult")));
            return b.toString();
        });
    }

    public static Instant at(LocalDate date, String localTime) {
        return LocalDateTime.of(date, java.time.LocalTime.parse(localTime)).atZone(ZONE).toInstant();
    }

    @Override
    public void close() {
        coordinator.close();
    }
}
