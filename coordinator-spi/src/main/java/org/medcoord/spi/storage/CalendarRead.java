package org.medcoord.spi.storage;

import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import org.medcoord.api.appointment.Appointment;

/**
 * The answer to a {@link CalendarQuery}: what the three reads it stands for return.
 *
 * @param scheduleVersion what {@link ScheduleStore#version()} returns in the unit
 * @param claims what {@link ClaimStore#active} returns for the query's resources and period
 * @param patientAppointments what {@link AppointmentStore#forPatient} returns for the query's
 *     patient and period; empty when the query names no patient
 * @since 0.1
 */
public record CalendarRead(OptionalLong scheduleVersion, List<Claim> claims, List<Appointment> patientAppointments) {
    /**
     * Checks and copies the parts.
     *
     * @param scheduleVersion the schedule version
     * @param claims the active claims
     * @param patientAppointments the patient's appointments
     */
    public CalendarRead {
        Objects.requireNonNull(scheduleVersion, "scheduleVersion");
        claims = List.copyOf(claims);
        patientAppointments = List.copyOf(patientAppointments);
    }
}
