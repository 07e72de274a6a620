package org.medcoord.api.document;

import java.util.List;
import java.util.stream.Collectors;
import org.medcoord.api.appointment.AppointmentId;
import org.medcoord.api.common.ConflictException;

/**
 * An appointment cannot be checked in: a document its service requires is missing, pending,
 * expired or revoked at the check-in time. A supervisor may check in anyway with
 * {@code Appointments.checkIn(appointment, Optional.of(reasonCode))}, which is audited.
 *
 * @since 0.1
 */
public class PaperworkMissingException extends ConflictException {
    private static final long serialVersionUID = 1L;

    private final transient AppointmentId appointment;
    private final transient List<DocumentTypeId> missing;

    /**
     * Creates the exception.
     *
     * @param appointment the appointment
     * @param missing the required document types that do not count; not empty
     */
    public PaperworkMissingException(AppointmentId appointment, List<DocumentTypeId> missing) {
        super("paperwork-missing", "appointment " + appointment + " cannot be checked in: required paperwork missing, "
                + "expired or revoked: " + missing.stream().map(DocumentTypeId::value).collect(Collectors.joining(", ")));
        this.appointment = appointment;
        this.missing = List.copyOf(missing);
    }

    /**
     * The appointment.
     *
     * @return the id
     */
    public AppointmentId appointment() {
        return appointment;
    }

    /**
     * The required document types that do not count.
     *
     * @return the type ids, in requirement order
     */
    public List<DocumentTypeId> missing() {
        return missing;
    }
}
