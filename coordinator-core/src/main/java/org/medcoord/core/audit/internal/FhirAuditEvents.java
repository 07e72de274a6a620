package org.medcoord.core.audit.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.medcoord.api.audit.AuditRecord;
import org.medcoord.spi.audit.ChainedEvent;

/**
 * Builds the FHIR R4 {@code AuditEvent} of a sealed audit event as JSON, shaped after IHE Basic
 * Audit Log Patterns (BALP):
 * <ul>
 *   <li>{@code id}: {@code medcoord-<sequence>}, stable, so a sink can deduplicate;
 *   <li>{@code type}: DICOM/HL7 audit-event-type {@code rest} (a RESTful-style operation), and
 *       {@code subtype}: the MedCoord action code (for example {@code appointment.book});
 *   <li>{@code action}: C, R, U, D or E, from the action's verb;
 *   <li>{@code recorded}: the record's instant; {@code outcome}: {@code 0} success, {@code 4}
 *       denied (minor failure), {@code 8} failed (serious failure); {@code outcomeDesc}: the detail code;
 *   <li>{@code purposeOfEvent}: the HL7 v3 PurposeOfUse code ({@code TREAT}, {@code ETREAT}, ...);
 *   <li>{@code agent}: the user (requestor, identifier system {@code urn:medcoord:user}) and, when
 *       the user acts for someone, that person as a second agent of type {@code RESP} (R4 has no
 *       {@code onBehalfOf}; BALP models the responsible party as its own agent);
 *   <li>{@code source}: {@code site} the facility, {@code observer} the node, type 4 application server;
 *   <li>{@code entity}: the patient as {@code Patient/<id>} (type 1 person, role 1 patient), then each
 *       other entity id (type 2 system object, identifier system {@code urn:medcoord:entity}), and
 *       the chain position (sequence and hash, identifier system {@code urn:medcoord:audit-chain}).
 * </ul>
 * Only ids and codes are written, never names or free text. Thread safe.
 */
final class FhirAuditEvents {
    static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";
    static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";
    static final String PARTICIPATION = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

    private final ObjectMapper mapper = new ObjectMapper();

    String json(ChainedEvent event) {
        try {
            return mapper.writeValueAsString(tree(event));
        } catch (JsonProcessingException impossible) {
            throw new IllegalStateException("an AuditEvent tree always serializes", impossible);
        }
    }

    ObjectNode tree(ChainedEvent event) {
        AuditRecord record = event.record();
        ObjectNode root = mapper.createObjectNode();
        root.put("resourceType", "AuditEvent");
        root.put("id", "medcoord-" + event.sequence());
        root.set("type", coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest",
                "Restful Operation"));
        root.set("subtype", mapper.createArrayNode().add(coding("urn:medcoord:audit-action", record.action(), null)));
        root.put("action", actionCode(record.action()));
        root.put("recorded", record.at().toString());
        root.put("outcome", switch (record.outcome()) {
            case SUCCESS -> "0";
            case DENIED -> "4";
            case FAILED -> "8";
        });
        root.put("outcomeDesc", record.detailCode());
        ArrayNode purpose = mapper.createArrayNode();
        purpose.addObject().set("coding", mapper.createArrayNode()
                .add(coding("http://terminology.hl7.org/CodeSystem/v3-ActReason", record.purpose().code(), null)));
        root.set("purposeOfEvent", purpose);

        ArrayNode agents = root.putArray("agent");
        ObjectNode user = agents.addObject();
        user.set("type", concept(PARTICIPATION, "IRCP", "information recipient"));
        user.set("who", identifier("urn:medcoord:user", record.user().value()));
        user.put("requestor", true);
        user.set("purposeOfUse", purpose.deepCopy());
        record.onBehalfOf().ifPresent(behalf -> {
            ObjectNode responsible = agents.addObject();
            responsible.set("type", concept(PARTICIPATION, "RESP", "responsible party"));
            responsible.set("who", identifier("urn:medcoord:user", behalf.value()));
            responsible.put("requestor", false);
        });

        ObjectNode source = root.putObject("source");
        source.put("site", record.facility().value());
        source.set("observer", identifier("urn:medcoord:node", record.node().value()));
        source.putArray("type").add(coding("http://terminology.hl7.org/CodeSystem/security-source-type", "4",
                "Application Server"));

        ArrayNode entities = root.putArray("entity");
        record.patient().ifPresent(patient -> {
            ObjectNode entity = entities.addObject();
            entity.putObject("what").put("reference", "Patient/" + patient.value());
            entity.set("type", coding(ENTITY_TYPE, "1", "Person"));
            entity.set("role", coding(OBJECT_ROLE, "1", "Patient"));
        });
        for (String id : record.entities()) {
            ObjectNode entity = entities.addObject();
            entity.set("what", identifier("urn:medcoord:entity", id));
            entity.set("type", coding(ENTITY_TYPE, "2", "System Object"));
        }
        ObjectNode chain = entities.addObject();
        chain.set("what", identifier("urn:medcoord:audit-chain", Long.toString(event.sequence())));
        chain.set("type", coding(ENTITY_TYPE, "4", "Other"));
        chain.putArray("detail").addObject().put("type", "sha256").put("valueString", event.hash().toHex());
        return root;
    }

    /** C, R, U, D or E after the verb at the end of the action code. */
    static String actionCode(String action) {
        String verb = action.substring(action.indexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (verb.startsWith("book") || verb.equals("add") || verb.equals("hold") || verb.startsWith("create")) {
            return "C";
        }
        if (verb.startsWith("read") || verb.startsWith("list") || verb.startsWith("search") || verb.startsWith("find")
                || verb.startsWith("verify") || verb.startsWith("accesses") || verb.startsWith("actions")
                || verb.startsWith("break-glass") || verb.startsWith("disclosures")) {
            return "R";
        }
        if (verb.startsWith("cancel") || verb.startsWith("reschedule") || verb.startsWith("status")
                || verb.startsWith("confirm") || verb.startsWith("reset") || verb.startsWith("offer")
                || verb.startsWith("release") || verb.startsWith("withdraw")) {
            return "U";
        }
        if (verb.startsWith("delete")) {
            return "D";
        }
        return "E";
    }

    private ObjectNode coding(String system, String code, String display) {
        ObjectNode coding = mapper.createObjectNode();
        coding.put("system", system);
        coding.put("code", code);
        if (display != null) {
            coding.put("display", display);
        }
        return coding;
    }

    private ObjectNode concept(String system, String code, String display) {
        ObjectNode concept = mapper.createObjectNode();
        concept.putArray("coding").add(coding(system, code, display));
        return concept;
    }

    private ObjectNode identifier(String system, String value) {
        ObjectNode reference = mapper.createObjectNode();
        reference.putObject("identifier").put("system", system).put("value", value);
        return reference;
    }
}
