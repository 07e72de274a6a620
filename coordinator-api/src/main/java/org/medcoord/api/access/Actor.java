package org.medcoord.api.access;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.medcoord.api.common.InvalidRequestException;

/**
 * Who is calling: the authenticated user, the roles the host granted, the facility they work
 * in, and optionally the user on whose behalf they act. MedCoord trusts the host to have
 * authenticated the user; it authorizes and audits every call against this actor.
 *
 * @param user the authenticated user
 * @param roles the user's roles; at least one
 * @param facility the facility the user acts in
 * @param onBehalfOf the user this user acts for, if any
 * @since 0.1
 */
public record Actor(UserId user, Set<Role> roles, FacilityId facility, Optional<UserId> onBehalfOf) {
    /**
     * Validates the parts and copies the role set.
     *
     * @param user the user
     * @param roles the roles
     * @param facility the facility
     * @param onBehalfOf the principal, if any
     */
    public Actor {
        if (user == null) {
            throw InvalidRequestException.of("actor.user", "must not be null");
        }
        if (roles == null || roles.isEmpty()) {
            throw InvalidRequestException.of("actor.roles", "must name at least one role");
        }
        if (facility == null) {
            throw InvalidRequestException.of("actor.facility", "must not be null");
        }
        roles = Set.copyOf(roles);
        onBehalfOf = Objects.requireNonNullElse(onBehalfOf, Optional.empty());
    }

    /**
     * An actor acting for themselves.
     *
     * @param user the user id
     * @param facility the facility id
     * @param roles one or more roles
     * @return the actor
     */
    public static Actor of(String user, String facility, Role... roles) {
        return new Actor(UserId.of(user), Set.of(roles), FacilityId.of(facility), Optional.empty());
    }

    /**
     * Whether the actor holds a role.
     *
     * @param role the role
     * @return {@code true} if granted
     */
    public boolean has(Role role) {
        return roles.contains(role);
    }
}
