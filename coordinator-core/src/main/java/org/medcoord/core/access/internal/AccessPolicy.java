package org.medcoord.core.access.internal;

import java.util.Set;
import org.medcoord.api.access.Purpose;
import org.medcoord.api.access.Role;
import org.medcoord.api.common.AccessDeniedException;

/**
 * The default access policy: deny unless a role grants the permission for the purpose.
 * Schedulers, clinicians and supervisors read and write appointments for treatment, payment,
 * operations and patient requests; research may read but not write; supervisors alone may
 * reset statuses and override capacity; administrators alone change the schedule.
 */
public final class AccessPolicy {
    private static final Set<Role> CARE_TEAM = Set.of(Role.SCHEDULER, Role.CLINICIAN, Role.SUPERVISOR);

    /**
     * Refuses a call the actor may not make.
     *
     * @param ctx the caller
     * @param permission what the call needs
     * @param action the action name, for the message
     * @throws AccessDeniedException naming the user, the action and the purpose
     */
    public void check(CallContext ctx, Permission permission, String action) {
        if (!allows(ctx, permission)) {
            throw new AccessDeniedException("user " + ctx.actor().user() + " may not " + action + " for purpose "
                    + ctx.purpose().code());
        }
    }

    private static boolean allows(CallContext ctx, Permission permission) {
        Set<Role> roles = ctx.actor().roles();
        return switch (permission) {
            case READ_SCHEDULE -> true;
            case ADMINISTER_SCHEDULE -> roles.contains(Role.ADMINISTRATOR);
            case READ_APPOINTMENTS -> roles.stream().anyMatch(CARE_TEAM::contains);
            case WRITE_APPOINTMENTS -> roles.stream().anyMatch(CARE_TEAM::contains) && ctx.purpose() != Purpose.RESEARCH;
            case PRIVILEGED -> roles.contains(Role.SUPERVISOR) && ctx.purpose() != Purpose.RESEARCH;
            case REVIEW_AUDIT -> roles.contains(Role.PRIVACY_OFFICER);
        };
    }
}
