package org.medcoord.adapter.jdbc.it;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
import org.medcoord.api.schedule.ScheduleAdministration;
import org.medcoord.api.schedule.ServiceType;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.api.schedule.WeeklyTemplate;

/**
 * The clinic the integration tests book into: capacity-1 clinicians {@code dr-0..}, one shared room
 * of capacity 2, open every day 08:00-17:00 in New York, bookable up to ten years ahead.
 *
 * <ul>
 *   <li>{@code visit}: 15 minutes with one clinician;</li>
 *   <li>{@code room-visit}: 30 minutes with a clinician and the shared room, 5 minutes turnover;</li>
 *   <li>{@code room-only}: 20 minutes in the shared room.</li>
 * </ul>
 * Every service starts on any 5-minute boundary, so claims overlap partially, not only exactly.
 */
final class ItClinic {
    static final ZoneId ZONE = ZoneId.of("America/New_York");
    /** A Monday; the clock stands on the day before. */
    static final LocalDate DAY_ONE = LocalDate.of(2027, 3, 1);
    static final Instant NOW = DAY_ONE.minusDays(1).atStartOfDay(ZONE).toInstant();
    static final ServiceTypeId VISIT = ServiceTypeId.of("visit");
    static final ServiceTypeId ROOM_VISIT = ServiceTypeId.of("room-visit");
    static final ServiceTypeId ROOM_ONLY = ServiceTypeId.of("room-only");
    static final ResourceId ROOM = ResourceId.of("room-shared");
    static final int ROOM_CAPACITY = 2;
    /** Opening hours, in 5-minute granules. */
    static final int GRANULES_PER_DAY = 9 * 12;

    private ItClinic() {
    }

    static CoordinatorSession admin(Coordinator coordinator) {
        return coordinator.session(Actor.of("u-admin", "fac-1", Role.ADMINISTRATOR), Purpose.OPERATIONS);
    }

    static CoordinatorSession desk(Coordinator coordinator, String user) {
        return coordinator.session(Actor.of(user, "fac-1", Role.SCHEDULER), Purpose.TREATMENT);
    }

    static ResourceId clinician(int i) {
        return ResourceId.of("dr-" + i);
    }

    /** The clinicians {@code dr-0 .. dr-(clinicians-1)} and the shared room. */
    static List<ResourceId> resources(int clinicians) {
        List<ResourceId> all = new ArrayList<>();
        for (int i = 0; i < clinicians; i++) {
            all.add(clinician(i));
        }
        all.add(ROOM);
        return all;
    }

    static int capacity(ResourceId resource) {
        return resource.equals(ROOM) ? ROOM_CAPACITY : 1;
    }

    /** Defines the clinic with {@code clinicians} capacity-1 clinicians and the capacity-2 room. */
    static void define(Coordinator coordinator, int clinicians) {
        ScheduleAdministration s = admin(coordinator).schedule();
        for (int i = 0; i < clinicians; i++) {
            s.defineResource(Resource.of(clinician(i).value(), ResourceKind.PRACTITIONER, "Clinician " + i, ZONE,
                    "main", "clinic"));
        }
        s.defineResource(Resource.of(ROOM.value(), ResourceKind.LOCATION, "Shared room", ZONE, "main", "shared-room")
                .withCapacity(ROOM_CAPACITY));
        for (ResourceId r : resources(clinicians)) {
            s.addTemplate(WeeklyTemplate.of(r, DAY_ONE.minusDays(7), "08:00", "17:00", DayOfWeek.values()));
        }
        Duration horizon = Duration.ofDays(3650);
        Duration step = ServiceType.GRANULE;
        s.defineService(ServiceType.of(VISIT.value(), "Visit", Duration.ofMinutes(15),
                ResourceRequirement.of("clinician", ResourceKind.PRACTITIONER, "clinic"))
                .withBookingWindow(Duration.ZERO, horizon).withSlotStep(step));
        s.defineService(ServiceType.of(ROOM_VISIT.value(), "Visit in the shared room", Duration.ofMinutes(30),
                ResourceRequirement.of("clinician", ResourceKind.PRACTITIONER, "clinic"),
                ResourceRequirement.of("room", ResourceKind.LOCATION, "shared-room"))
                .withBuffers(Duration.ZERO, Duration.ofMinutes(5))
                .withBookingWindow(Duration.ZERO, horizon).withSlotStep(step));
        s.defineService(ServiceType.of(ROOM_ONLY.value(), "Session in the shared room", Duration.ofMinutes(20),
                ResourceRequirement.of("room", ResourceKind.LOCATION, "shared-room"))
                .withBookingWindow(Duration.ZERO, horizon).withSlotStep(step));
    }

    /** Opening time plus {@code granule} five-minute steps on day {@code day} after {@link #DAY_ONE}. */
    static Instant at(int day, int granule) {
        return DAY_ONE.plusDays(day).atTime(8, 0).plusMinutes(5L * granule).atZone(ZONE).toInstant();
    }

    /** A 15-minute visit with the named clinician. */
    static BookCommand visit(String patient, ResourceId clinician, Instant start) {
        return new BookCommand(VISIT, PatientId.of(patient), start,
                List.of(RoleAssignment.of("clinician", clinician.value())), Optional.empty(), Optional.empty());
    }

    static BookCommand roomVisit(String patient, ResourceId clinician, Instant start) {
        return new BookCommand(ROOM_VISIT, PatientId.of(patient), start,
                List.of(RoleAssignment.of("clinician", clinician.value()), RoleAssignment.of("room", ROOM.value())),
                Optional.empty(), Optional.empty());
    }

    static BookCommand roomOnly(String patient, Instant start) {
        return new BookCommand(ROOM_ONLY, PatientId.of(patient), start,
                List.of(RoleAssignment.of("room", ROOM.value())), Optional.empty(), Optional.empty());
    }
}
