package org.medcoord.core.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.common.AccessDeniedException;
import org.medcoord.spi.audit.ExportedAuditEvent;

/** The FHIR R4 AuditEvent JSON that sinks receive, field by field, after IHE BALP. */
class FhirAuditEventShapeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AuditedClinic clinic = new AuditedClinic();

    @AfterEach
    void close() {
        clinic.close();
    }

    @Test
    void a_booking_a_denied_call_and_an_emergency_read_are_exported_as_audit_events() throws Exception {
        Appointment booked = clinic.book("p-1", "09:00").appointment();
        assertThatThrownBy(() -> clinic.desk.audit().accessesTo(booked.patient(), clinic.now(), clinic.now()))
                .isInstanceOf(AccessDeniedException.class);
        clinic.emergency().appointments().get(booked.id());
        clinic.officer.audit().verify();

        List<JsonNode> events = new ArrayList<>();
        for (ExportedAuditEvent exported : clinic.exported) {
            events.add(JSON.readTree(exported.fhirJson()));
        }
        assertThat(events).as("the verification's own record is sealed by the next pass").hasSize(4);

        JsonNode booking = events.get(0);
        assertThat(booking.get("resourceType").asText()).isEqualTo("AuditEvent");
        assertThat(booking.get("id").asText()).isEqualTo("medcoord-1");
        assertThat(booking.at("/type/system").asText())
                .isEqualTo("http://terminology.hl7.org/CodeSystem/audit-event-type");
        assertThat(booking.at("/type/code").asText()).isEqualTo("rest");
        assertThat(booking.at("/subtype/0/system").asText()).isEqualTo("urn:medcoord:audit-action");
        assertThat(booking.at("/subtype/0/code").asText()).isEqualTo("appointment.book");
        assertThat(booking.get("action").asText()).isEqualTo("C");
        assertThat(booking.get("recorded").asText())
                .isEqualTo(clinic.exported.get(0).event().record().at().toString());
        assertThat(booking.get("outcome").asText()).isEqualTo("0");
        assertThat(booking.get("outcomeDesc").asText()).isEqualTo("ok");
        assertThat(booking.at("/purposeOfEvent/0/coding/0/system").asText())
                .isEqualTo("http://terminology.hl7.org/CodeSystem/v3-ActReason");
        assertThat(booking.at("/purposeOfEvent/0/coding/0/code").asText()).isEqualTo("TREAT");
        assertThat(booking.get("agent")).hasSize(1);
        assertThat(booking.at("/agent/0/type/coding/0/system").asText())
                .isEqualTo("http://terminology.hl7.org/CodeSystem/v3-ParticipationType");
        assertThat(booking.at("/agent/0/type/coding/0/code").asText()).isEqualTo("IRCP");
        assertThat(booking.at("/agent/0/who/identifier/system").asText()).isEqualTo("urn:medcoord:user");
        assertThat(booking.at("/agent/0/who/identifier/value").asText()).isEqualTo("u-desk");
        assertThat(booking.at("/agent/0/requestor").asBoolean()).isTrue();
        assertThat(booking.at("/agent/0/purposeOfUse/0/coding/0/code").asText()).isEqualTo("TREAT");
        assertThat(booking.at("/source/site").asText()).isEqualTo("fac-1");
        assertThat(booking.at("/source/observer/identifier/system").asText()).isEqualTo("urn:medcoord:node");
        assertThat(booking.at("/source/observer/identifier/value").asText()).isEqualTo("node-7");
        assertThat(booking.at("/source/type/0/system").asText())
                .isEqualTo("http://terminology.hl7.org/CodeSystem/security-source-type");
        assertThat(booking.at("/source/type/0/code").asText()).isEqualTo("4");
        assertThat(booking.get("entity")).hasSize(3);
        assertThat(booking.at("/entity/0/what/reference").asText()).isEqualTo("Patient/p-1");
        assertThat(booking.at("/entity/0/type/system").asText())
                .isEqualTo("http://terminology.hl7.org/CodeSystem/audit-entity-type");
        assertThat(booking.at("/entity/0/type/code").asText()).isEqualTo("1");
        assertThat(booking.at("/entity/0/role/system").asText())
                .isEqualTo("http://terminology.hl7.org/CodeSystem/object-role");
        assertThat(booking.at("/entity/0/role/code").asText()).isEqualTo("1");
        assertThat(booking.at("/entity/1/what/identifier/system").asText()).isEqualTo("urn:medcoord:entity");
        assertThat(booking.at("/entity/1/what/identifier/value").asText()).isEqualTo(booked.id().value());
        assertThat(booking.at("/entity/1/type/code").asText()).isEqualTo("2");
        assertThat(booking.at("/entity/2/what/identifier/system").asText()).isEqualTo("urn:medcoord:audit-chain");
        assertThat(booking.at("/entity/2/what/identifier/value").asText()).isEqualTo("1");
        assertThat(booking.at("/entity/2/detail/0/type").asText()).isEqualTo("sha256");
        assertThat(booking.at("/entity/2/detail/0/valueString").asText())
                .isEqualTo(clinic.exported.get(0).event().hash().toHex());

        JsonNode denied = events.get(1);
        assertThat(denied.get("id").asText()).isEqualTo("medcoord-2");
        assertThat(denied.at("/subtype/0/code").asText()).isEqualTo("audit.accesses-to");
        assertThat(denied.get("action").asText()).isEqualTo("R");
        assertThat(denied.get("outcome").asText()).isEqualTo("4");
        assertThat(denied.get("outcomeDesc").asText()).isEqualTo("access-denied");
        assertThat(denied.at("/agent/0/who/identifier/value").asText()).isEqualTo("u-desk");
        assertThat(denied.at("/entity/0/what/reference").asText()).isEqualTo("Patient/p-1");
        assertThat(denied.get("entity")).hasSize(2);

        assertThat(events.get(2).at("/subtype/0/code").asText()).isEqualTo("access.break-glass");
        JsonNode emergency = events.get(3);
        assertThat(emergency.at("/subtype/0/code").asText()).isEqualTo("appointment.read");
        assertThat(emergency.get("action").asText()).isEqualTo("R");
        assertThat(emergency.get("outcome").asText()).isEqualTo("0");
        assertThat(emergency.at("/purposeOfEvent/0/coding/0/code").asText()).isEqualTo("ETREAT");
        assertThat(emergency.get("agent")).hasSize(2);
        assertThat(emergency.at("/agent/0/who/identifier/value").asText()).isEqualTo("u-er");
        assertThat(emergency.at("/agent/0/purposeOfUse/0/coding/0/code").asText()).isEqualTo("ETREAT");
        assertThat(emergency.at("/agent/1/type/coding/0/code").asText()).isEqualTo("RESP");
        assertThat(emergency.at("/agent/1/who/identifier/value").asText()).isEqualTo("u-attending");
        assertThat(emergency.at("/agent/1/requestor").asBoolean()).isFalse();
        assertThat(emergency.at("/source/site").asText()).isEqualTo("fac-2");
        assertThat(emergency.at("/entity/0/what/reference").asText()).isEqualTo("Patient/p-1");
        assertThat(emergency.at("/entity/1/what/identifier/value").asText()).isEqualTo(booked.id().value());

        for (ExportedAuditEvent exported : clinic.exported) {
            assertThat(exported.fhirJson()).doesNotContain("Cardiologist", "Exam 1");
        }
    }
}
