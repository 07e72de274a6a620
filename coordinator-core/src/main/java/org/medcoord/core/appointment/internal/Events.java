package org.medcoord.core.appointment.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.core.common.internal.IdGenerator;
import org.medcoord.core.json.MedCoordJson;
import org.medcoord.spi.storage.OutboxRecord;
import org.medcoord.spi.storage.StorageTransaction;

/**
 * Writes domain events to the outbox in the caller's transaction. Payloads carry ids, times and
 * status codes only.
 */
public final class Events {
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
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("appointment", appointment.id());
        payload.put("patient", appointment.patient());
        payload.put("service", appointment.service());
        payload.put("start", appointment.start());
        payload.put("end", appointment.end());
        payload.put("status", appointment.status().code());
        payload.put("resources", appointment.resources());
        payload.put("version", appointment.version());
        tx.outbox().append(new OutboxRecord(ids.next("evt"), type, appointment.id().value(),
                MedCoordJson.write(payload), now));
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
