package org.medcoord.core.document.internal;

import java.time.Instant;
import java.util.List;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.document.DocumentTypeId;
import org.medcoord.api.document.OutstandingDocument;
import org.medcoord.core.appointment.internal.CheckInGuard;
import org.medcoord.spi.storage.StorageTransaction;

/** Blocks a check-in while a required document is not valid at the check-in time. */
public final class PaperworkGuard implements CheckInGuard {
    /** Creates the guard. */
    public PaperworkGuard() {
    }

    @Override
    public List<DocumentTypeId> missing(StorageTransaction tx, Appointment appointment, Instant at) {
        return PaperworkCheck.outstanding(tx, appointment.patient(), appointment.service(), at, at).stream()
                .map(OutstandingDocument::type).toList();
    }
}
