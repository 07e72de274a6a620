package org.medcoord.api.appointment;

import org.medcoord.api.common.ConflictException;

/**
 * A hold was confirmed after it expired (or after it was released). Nothing was booked.
 *
 * @since 0.1
 */
public class HoldExpiredException extends ConflictException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param hold the hold
     */
    public HoldExpiredException(HoldId hold) {
        super("hold-expired", "hold " + hold + " has expired or was released");
    }
}
