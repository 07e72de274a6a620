package org.medcoord.core.event.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.schedule.RoleAssignment;
import org.medcoord.core.common.internal.IdGenerator;
import org.medcoord.core.json.MedCoordJson;
import org.medcoord.spi.storage.OutboxRecord;
import org.medcoord.spi.storage.StorageTransaction;

/**
 * Writes domain events to the outbox in the caller's transaction. Payloads carry ids, times and
 * status codes only.
 */
public final class Events {
    private static final JsonFactory JSON = new JsonFactory();
    private final IdGenerator ids;

    /**
     * Creates the writer.
     *
     * @param ids the id generator
     */
    public Events(IdGenerator ids) {
        this.ids = ids;
    }

    /**
     * Appends an appointment event.
     *
     * @param tx the transaction
     * @param type the event type, for example {@code appointment.booked}
     * @param appointment the appointment after the change
     * @param now when
     */
    public void appointment(StorageTransaction tx, String type, Appointment appointment, Instant now) {
        tx.outbox().append(new OutboxRecord(ids.next("evt"), type, appointment.id().value(), payload(appointment),
                now));
    }

    /**
     * An appointment event's payload: {@code appointment}, {@code patient}, {@code service}, {@code
     * start}, {@code end} (ISO-8601 instants), {@code status} (the FHIR code), {@code resources}
     * (role and resource of each) and {@code version}. Written field by field, since every booking
     * writes one; it is the same JSON the coordinator's mapper writes for these fields.
     *
     * @param appointment the appointment
     * @return the JSON text
     */
    static String payload(Appointment appointment) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("appointment", appointment.id().value());
            json.writeStringField("patient", appointment.patient().value());
            json.writeStringField("service", appointment.service().value());
            json.writeStringField("start", appointment.start().toString());
            json.writeStringField("end", appointment.end().toString());
            json.writeStringField("status", appointment.status().code());
            json.writeArrayFieldStart("resources");
            for (RoleAssignment r : appointment.resources()) {
                json.writeStartObject();
                json.writeStringField("role", r.role());
                json.writeStringField("resource", r.resource().value());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeNumberField("version", appointment.version());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an appointment event", e);
        }
        return text.toString();
    }

    /**
     * Appends any other event.
     *
     * @param tx the transaction
     * @param type the event type
     * @param aggregateId the entity the event is about
     * @param payload the payload: ids and codes only
     * @param now when
     */
    public void other(StorageTransaction tx, String type, String aggregateId, Map<String, Object> payload, Instant now) {
        tx.outbox().append(new OutboxRecord(ids.next("evt"), type, aggregateId, MedCoordJson.write(payload), now));
    }
}
