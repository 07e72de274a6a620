package org.medcoord.example.hostguice;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.medcoord.api.Coordinator;
import org.medcoord.api.CoordinatorSession;
import org.medcoord.api.access.Actor;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.Role;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.BookCommand;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.Resource;
import org.medcoord.api.schedule.ResourceId;
import org.medcoord.api.schedule.ResourceKind;
import org.medcoord.api.schedule.ResourceRequirement;
import org.medcoord.api.schedule.ScheduleAdministration;
import org.medcoord.api.schedule.ServiceType;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.api.schedule.SlotOption;
import org.medcoord.api.schedule.SlotQuery;
import org.medcoord.api.schedule.WeeklyTemplate;

/**
 * A host service that receives the {@link Coordinator} from the host's injector and books the
 * first free consult for a patient, as the host's own front-desk screen would.
 */
public final class FrontDesk {
    /** The one service this small clinic offers. */
    public static final ServiceTypeId CONSULT = ServiceTypeId.of("consult");
    private static final ZoneId ZONE = ZoneId.of("America/Chicago");

    private final Coordinator coordinator;
    private final Clock clock;

    /**
     * Created by the injector.
     *
     * @param coordinator MedCoord, from the installed module
     * @param clock the host's clock
     */
    @Inject
    public FrontDesk(Coordinator coordinator, Clock clock) {
        this.coordinator = coordinator;
        this.clock = clock;
    }

    /** Sets up the clinic: one practitioner working weekdays 08:00 to 17:00, and a 30-minute consult. */
    public void openClinic() {
        ScheduleAdministration schedule = coordinator
                .session(Actor.of("u-admin", "fac-1", Role.ADMINISTRATOR), Purpose.OPERATIONS).schedule();
        schedule.defineResource(Resource.of("dr-1", ResourceKind.PRACTITIONER, "Family physician", ZONE, "main",
                "family-medicine"));
        schedule.addTemplate(WeeklyTemplate.of(ResourceId.of("dr-1"), LocalDate.now(clock).minusDays(1), "08:00",
                "17:00", DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
                DayOfWeek.FRIDAY));
        schedule.defineService(ServiceType.of(CONSULT.value(), "Consult", Duration.ofMinutes(30),
                ResourceRequirement.of("physician", ResourceKind.PRACTITIONER, "family-medicine")));
    }

    /**
     * Books the earliest free consult in the coming two weeks.
     *
     * @param patient the patient's id in the host's records
     * @return the appointment
     * @throws org.medcoord.api.common.NotFoundException when nothing is free in that time
     */
    public Appointment bookFirstFree(PatientId patient) {
        CoordinatorSession desk = coordinator.session(Actor.of("u-desk", "fac-1", Role.SCHEDULER), Purpose.TREATMENT);
        List<SlotOption> options = desk.appointments().findSlots(SlotQuery.earliest(CONSULT, patient,
                clock.instant(), clock.instant().plus(Duration.ofDays(14)), 1));
        if (options.isEmpty()) {
            throw new org.medcoord.api.common.NotFoundException("free consult", CONSULT.value());
        }
        return desk.appointments().book(BookCommand.of(patient, options.get(0))).appointment();
    }
}
