package org.medcoord.core.appointment.internal;

import java.time.Instant;
import java.util.List;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.document.DocumentTypeId;
import org.medcoord.spi.storage.StorageTransaction;

/**
 * What must be in order before an appointment may move to checked-in. The booking service asks
 * it inside the status change's transaction; an empty answer lets the check-in through.
 */
@FunctionalInterface
public interface CheckInGuard {
    /** A guard that never blocks. */
    CheckInGuard NONE = (tx, appointment, at) -> List.of();

    /**
     * The required document types that do not count for an appointment at a time.
     *
     * @param tx the transaction the check-in runs in; read only
     * @param appointment the appointment
     * @param at the check-in time
     * @return the document type ids, empty when nothing blocks
     */
    List<DocumentTypeId> missing(StorageTransaction tx, Appointment appointment, Instant at);
}
