package org.medcoord.core.access.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.medcoord.api.access.AccessMode;
import org.medcoord.api.access.AccessPolicy;
import org.medcoord.api.access.DataCategory;
import org.medcoord.api.access.Role;
import org.medcoord.api.appointment.Appointment;
import org.medcoord.api.common.AccessDeniedException;

/**
 * Enforces the host's {@link AccessPolicy}: the grant check before a call's work, and facility
 * scoping and minimum-necessary projection of what the call returns. Thread-safe.
 */
public final class AccessControl {
    private final AccessPolicy policy;
    private final Clock clock;
    private final Projections projections;

    /**
     * Creates the enforcer.
     *
     * @param policy the policy
     * @param clock the clock, for break-glass expiry
     * @param projections what callers may see of each result type
     */
    public AccessControl(AccessPolicy policy, Clock clock, Projections projections) {
        this.policy = policy;
        this.clock = clock;
        this.projections = projections;
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
     * Refuses a call that would write data of a category the caller may not write, such as a
     * reason for the visit (clinical data) in a booking by a scheduler: the call's permission
     * covers the record, this covers a field of another category in it.
     *
     * @param ctx the caller
     * @param category the category the call writes
     * @param action the action name, for the message
     * @param what what of that category the call writes, for the message: a field name, never its content
     * @throws AccessDeniedException when the caller holds no write grant for the category
     */
    public void checkWrites(CallContext ctx, DataCategory category, String action, String what) {
        if (!allows(ctx, category, AccessMode.WRITE)) {
            throw new AccessDeniedException("user " + ctx.actor().user() + " may not " + action + " with " + what
                    + ": no " + category + " WRITE grant for purpose " + ctx.purpose().code());
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
     * Applies facility scoping and minimum necessary to what a call returns, through the
     * {@link Projection} its feature declared for the result's type; an {@code Optional} or a
     * {@code List} is projected element by element (a list leaves out what its element's
     * projection leaves out). A result of a type without a projection is refused: access fails
     * closed, never passing data through.
     *
     * @param ctx the caller
     * @param action the action name, for the message
     * @param result the call's result, may be null for a call that returns nothing
     * @param <T> the result type
     * @return the result as the caller may see it
     * @throws AccessDeniedException with code {@link AccessDeniedException#OTHER_FACILITY} when
     *     the caller may not see it, {@link AccessDeniedException#NO_PROJECTION} when its type
     *     declares no projection
     */
    @SuppressWarnings("unchecked")
    public <T> T scope(CallContext ctx, String action, T result) {
        if (result == null) {
            return null;
        }
        Viewer viewer = new Viewer(this, ctx, action);
        if (result instanceof Optional<?> optional) {
            return (T) optional.map(value -> one(viewer, action, value));
        }
        if (result instanceof List<?> list) {
            List<Object> seen = new ArrayList<>(list.size());
            for (Object element : list) {
                projection(action, element).inList(viewer, element).ifPresent(seen::add);
            }
            return (T) List.copyOf(seen);
        }
        return one(viewer, action, result);
    }

    private <T> T one(Viewer viewer, String action, T value) {
        return projection(action, value).one(viewer, value);
    }

    @SuppressWarnings("unchecked")
    private <T> Projection<T> projection(String action, T value) {
        return projections.of((Class<T>) value.getClass()).orElseThrow(() -> new AccessDeniedException(
                AccessDeniedException.NO_PROJECTION, action + " returned a " + value.getClass().getName()
                        + ", for which no feature declared a projection: refused, since access fails closed"));
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
}
