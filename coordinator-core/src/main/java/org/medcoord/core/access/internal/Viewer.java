package org.medcoord.core.access.internal;

import org.medcoord.api.access.AccessMode;
import org.medcoord.api.access.DataCategory;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.common.AccessDeniedException;

/**
 * The caller of one call, as a {@link Projection} sees them: facility scoping, the grants of
 * their roles and purpose, and the action, for messages. Not API.
 */
public final class Viewer {
    private final AccessControl access;
    private final CallContext ctx;
    private final String action;

    Viewer(AccessControl access, CallContext ctx, String action) {
        this.access = access;
        this.ctx = ctx;
        this.action = action;
    }

    /**
     * Whether the caller holds a grant now.
     *
     * @param category the category
     * @param mode the mode
     * @return whether it is allowed
     */
    public boolean allows(DataCategory category, AccessMode mode) {
        return access.allows(ctx, category, mode);
    }

    /**
     * Whether facility scoping lets the caller see an appointment.
     *
     * @param appointment the appointment
     * @return whether it is of the caller's facility, or the caller sees every facility
     */
    public boolean sees(Appointment appointment) {
        return access.sees(ctx, appointment);
    }

    /**
     * An appointment as the caller may see it: refused when it is of another facility, without
     * its clinical details unless the caller may read clinical data.
     *
     * @param appointment the appointment
     * @return the appointment as the caller may see it
     * @throws AccessDeniedException with code {@link AccessDeniedException#OTHER_FACILITY}
     */
    public Appointment appointment(Appointment appointment) {
        if (!sees(appointment)) {
            throw new AccessDeniedException(AccessDeniedException.OTHER_FACILITY, "user " + ctx.actor().user()
                    + " of facility " + ctx.actor().facility() + " may not " + action + " appointment "
                    + appointment.id() + " of facility " + appointment.facility());
        }
        return allows(DataCategory.CLINICAL, AccessMode.READ) ? appointment : appointment.withoutClinicalDetails();
    }
}
