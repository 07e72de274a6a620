package org.medcoord.api.appointment;

import org.medcoord.api.common.ConflictException;

/**
 * A status change that does not move forward. Use the privileged reset to move backwards.
 *
 * @since 0.1
 */
public class InvalidTransitionException extends ConflictException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param appointment the appointment
     * @param from its current status
     * @param to the status asked for
     */
    public InvalidTransitionException(AppointmentId appointment, AppointmentStatus from, AppointmentStatus to) {
        super("invalid-transition", "appointment " + appointment + " cannot move from " + from.code() + " to " + to.code());
    }
}
