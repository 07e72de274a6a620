package org.medcoord.core.event.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.medcoord.api.access.FacilityId;
import org.medcoord.api.access.UserId;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.appointment.AppointmentStatus;
import org.medcoord.api.appointment.StatusChange;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.RoleAssignment;
import org.medcoord.api.schedule.ServiceTypeId;
import org.medcoord.core.json.MedCoordJson;

/** The hand-written event payload against the coordinator's mapper writing the same fields. */
class EventPayloadTest {

    @Test
    void the_payload_is_what_the_mapper_writes_for_the_same_fields() {
        Appointment one = appointment(List.of(RoleAssignment.of("clinician", "dr-lee")), AppointmentStatus.BOOKED, 1,
                Instant.parse("2027-03-01T13:00:00Z"));
        Appointment two = appointment(List.of(RoleAssignment.of("clinician", "dr-lee"),
                RoleAssignment.of("room", "mri-2")), AppointmentStatus.CHECKED_IN, 7,
                Instant.parse("2027-11-07T06:45:30.125Z"));
        for (Appointment a : List.of(one, two)) {
            assertThat(Events.payload(a)).isEqualTo(MedCoordJson.write(asMap(a)));
        }
        assertThat(Events.payload(two)).isEqualTo("{\"appointment\":\"apt-1\",\"patient\":\"p-1\","
                + "\"service\":\"mri\",\"start\":\"2027-11-07T06:45:30.125Z\",\"end\":\"2027-11-07T07:15:30.125Z\","
                + "\"status\":\"checked-in\",\"resources\":[{\"role\":\"clinician\",\"resource\":\"dr-lee\"},"
                + "{\"role\":\"room\",\"resource\":\"mri-2\"}],\"version\":7}");
    }

    private static Map<String, Object> asMap(Appointment appointment) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("appointment", appointment.id());
        payload.put("patient", appointment.patient());
        payload.put("service", appointment.service());
        payload.put("start", appointment.start());
        payload.put("end", appointment.end());
        payload.put("status", appointment.status().code());
        payload.put("resources", appointment.resources());
        payload.put("version", appointment.version());
        return payload;
    }

    private static Appointment appointment(List<RoleAssignment> resources, AppointmentStatus status, long version,
                                           Instant start) {
        return new Appointment(AppointmentId.of("apt-1"), PatientId.of("p-1"), ServiceTypeId.of("mri"), start,
                start.plusSeconds(1800), resources, status, Optional.empty(), false,
                List.of(new StatusChange(Optional.empty(), AppointmentStatus.BOOKED, start, UserId.of("u-1"), "booked",
                        false)), version, FacilityId.of("fac-1"), Optional.empty());
    }
}
