package org.medcoord.api.document;

import java.util.List;
import java.util.Objects;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.common.PatientId;
import org.medcoord.api.schedule.ServiceTypeId;

/**
 * One line of the paperwork worklist: an upcoming appointment whose required paperwork is not in
 * order. Ids only; read the appointment for its time.
 *
 * @param appointment the appointment
 * @param patient the patient
 * @param service the service type
 * @param outstanding the required documents that do not count, in requirement order; never empty
 * @since 0.1
 */
public record WorklistEntry(AppointmentId appointment, PatientId patient, ServiceTypeId service,
                            List<OutstandingDocument> outstanding) {
    /**
     * Checks the parts are present and copies the list.
     *
     * @param appointment the appointment
     * @param patient the patient
     * @param service the service
     * @param outstanding the outstanding documents
     */
    public WorklistEntry {
        Objects.requireNonNull(appointment, "appointment");
        Objects.requireNonNull(patient, "patient");
        Objects.requireNonNull(service, "service");
        outstanding = List.copyOf(outstanding);
    }

    /**
     * The ids of the outstanding document types.
     *
     * @return the type ids, in requirement order
     */
    public List<DocumentTypeId> missingTypes() {
        return outstanding.stream().map(OutstandingDocument::type).toList();
    }
}
