package org.medcoord.core.access.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.medcoord.api.access.AccessMode;
import org.medcoord.api.access.AccessPolicy;
import org.medcoord.api.access.DataCategory;
import org.medcoord.api.access.Role;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.appointment.Booking;
import org.medcoord.api.appointment.Cancellation;
import org.medcoord.api.appointment.Rescheduling;
import org.medcoord.api.appointment.SeriesResult;
import org.medcoord.api.common.AccessDeniedException;

/**
 * Enforces the host's {@link AccessPolicy}: the grant check before a call's work, and facility
 * scoping and minimum-necessary projection of what the call returns. Thread-safe.
 */
public final class AccessControl {
    private final AccessPolicy policy;
    private final Clock clock;

    /**
     * Creates the enforcer.
     *
     * @param policy the policy
     * @param clock the clock, for break-glass expiry
     */
    public AccessControl(AccessPolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * The policy enforced.
     *
     * @return the policy
     */
    public AccessPolicy policy() {
        return policy;
    }

    /**
     * Refuses a call the policy does not allow.
     *
     * @param ctx the caller
     * @param permission what the call needs
     * @param action the action name, for the message
     * @throws AccessDeniedException when the call is not allowed
     */
    public void check(CallContext ctx, Permission permission, String action) {
        if (ctx.breakGlass().isPresent()) {
            BreakGlass glass = ctx.breakGlass().get();
            Instant now = clock.instant();
            if (!glass.openAt(now)) {
                throw new AccessDeniedException(AccessDeniedException.BREAK_GLASS_EXPIRED, "break-glass grant "
                        + glass.grantId() + " of user " + ctx.actor().user() + " ended at " + glass.until()
                        + "; " + action + " refused");
            }
        }
        if (!allows(ctx, permission.category(), permission.mode())) {
            throw new AccessDeniedException("user " + ctx.actor().user() + " may not " + action + ": no "
                    + permission.category() + " " + permission.mode() + " grant for purpose " + ctx.purpose().code());
        }
    }

    /**
     * Whether the caller may use a category in a mode now.
     *
     * @param ctx the caller
     * @param category the category
     * @param mode the mode
     * @return whether it is allowed
     */
    public boolean allows(CallContext ctx, DataCategory category, AccessMode mode) {
        Set<Role> roles = ctx.actor().roles();
        if (ctx.breakGlass().isPresent()) {
            return ctx.breakGlass().get().openAt(clock.instant()) && policy.breakGlassAllows(roles, category, mode);
        }
        return policy.allows(roles, ctx.purpose(), category, mode);
    }

    /**
     * Whether the caller sees appointments of every facility.
     *
     * @param ctx the caller
     * @return whether the caller is not limited to their own facility
     */
    public boolean crossFacility(CallContext ctx) {
        return ctx.breakGlass().isPresent() || policy.crossFacility(ctx.actor().roles());
    }

    /**
     * Applies facility scoping and minimum necessary to what a call returns. A single appointment
     * of another facility refuses the whole call (the caller's transaction rolls back); lists leave
     * such appointments out. Without clinical read access the reason for the visit is removed.
     *
     * @param ctx the caller
     * @param action the action name, for the message
     * @param result the call's result
     * @param <T> the result type
     * @return the result as the caller may see it
     * @throws AccessDeniedException with code {@link AccessDeniedException#OTHER_FACILITY}
     */
    @SuppressWarnings("unchecked")
    public <T> T scope(CallContext ctx, String action, T result) {
        if (result instanceof Appointment a) {
            return (T) visible(ctx, action, a);
        }
        if (result instanceof Booking b) {
            return (T) new Booking(visible(ctx, action, b.appointment()), b.warnings());
        }
        if (result instanceof Cancellation c) {
            return (T) new Cancellation(visible(ctx, action, c.appointment()), c.offers());
        }
        if (result instanceof Rescheduling r) {
            return (T) new Rescheduling(new Booking(visible(ctx, action, r.booking().appointment()),
                    r.booking().warnings()), r.offers());
        }
        if (result instanceof SeriesResult s) {
            List<Appointment> booked = new ArrayList<>();
            for (Appointment a : s.booked()) {
                booked.add(visible(ctx, action, a));
            }
            return (T) new SeriesResult(s.series(), booked, s.conflicts());
        }
        if (result instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Appointment) {
            List<Appointment> seen = new ArrayList<>();
            for (Object o : list) {
                Appointment a = (Appointment) o;
                if (ownFacility(ctx, a)) {
                    seen.add(project(ctx, a));
                }
            }
            return (T) List.copyOf(seen);
        }
        return result;
    }

    private Appointment visible(CallContext ctx, String action, Appointment a) {
        if (!ownFacility(ctx, a)) {
            throw new AccessDeniedException(AccessDeniedException.OTHER_FACILITY, "user " + ctx.actor().user()
                    + " of facility " + ctx.actor().facility() + " may not " + action + " appointment "
                    + a.id() + " of facility " + a.facility());
        }
        return project(ctx, a);
    }

    /**
     * Whether facility scoping lets the caller see an appointment.
     *
     * @param ctx the caller
     * @param a the appointment
     * @return whether it is the caller's facility's, or the caller sees every facility
     */
    public boolean sees(CallContext ctx, Appointment a) {
        return ownFacility(ctx, a);
    }

    private boolean ownFacility(CallContext ctx, Appointment a) {
        return a.facility().equals(ctx.actor().facility()) || crossFacility(ctx);
    }

    private Appointment project(CallContext ctx, Appointment a) {
        return allows(ctx, DataCategory.CLINICAL, AccessMode.READ) ? a : a.withoutClinicalDetails();
    }
}
