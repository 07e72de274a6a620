package org.medcoord.example.benchmarks;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.medcoord.api.Coordinator;
import org.medcoord.api.CoordinatorSession;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.Role;
import org.medcoord.api.appointment.BookCommand;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.ResourceKind;
import org.medcoord.api.schedule.ResourceRequirement;
import org.medcoord.api.schedule.RoleAssignment;
import org.medcoord.api.schedule.ServiceType;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.api.schedule.WeeklyTemplate;

/**
 * The booking workload {@link BookingBenchmark} and {@link AuditBookingBenchmark} share: ten
 * capacity-1 clinicians open 08:00-17:00 every day, a 15-minute visit, and attempts at random
 * quarter-hours between 08:00 and 17:00 over 60 days on a random clinician.
 */
final class BookingWorkload {
    static final ZoneId ZONE = ZoneId.of("America/New_York");
    static final LocalDate DAY_ONE = LocalDate.of(2027, 3, 1);
    static final ServiceTypeId VISIT = ServiceTypeId.of("visit");
    static final int RESOURCES = 10;

    private BookingWorkload() {
    }

    /** The desk clock: the day before the first bookable day, standing still. */
    static Clock clock() {
        return Clock.fixed(DAY_ONE.minusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant(), ZoneOffset.UTC);
    }

    /** Defines the clinicians, their hours and the visit. */
    static void setUp(Coordinator coordinator) {
        CoordinatorSession admin = coordinator.session(Actor.of("u-admin", "fac-1", Role.ADMINISTRATOR),
                Purpose.OPERATIONS);
        for (int i = 0; i < RESOURCES; i++) {
            ResourceId id = ResourceId.of("r-" + i);
            admin.schedule().defineResource(Resource.of(id.value(), ResourceKind.PRACTITIONER, "Clinician " + i, ZONE,
                    "main", "clinic"));
            admin.schedule().addTemplate(WeeklyTemplate.of(id, DAY_ONE, "08:00", "17:00", DayOfWeek.values()));
        }
        admin.schedule().defineService(ServiceType.of(VISIT.value(), "Visit", Duration.ofMinutes(15),
                ResourceRequirement.of("clinician", ResourceKind.PRACTITIONER, "clinic")));
    }

    /** The {@code i}-th attempt of a worker, drawn from its random source. */
    static BookCommand attempt(SplittableRandom random, int seed, int i) {
        Instant firstDay = DAY_ONE.atStartOfDay(ZONE).toInstant();
        int day = random.nextInt(60);
        int quarter = 32 + random.nextInt(36);
        Instant start = firstDay.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(15L * quarter));
        String resource = "r-" + random.nextInt(RESOURCES);
        return new BookCommand(VISIT, PatientId.of("p-" + seed + "-" + i), start,
                List.of(RoleAssignment.of("clinician", resource)), Optional.empty(), Optional.empty());
    }

    /** The median (the upper one for an even count). */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
